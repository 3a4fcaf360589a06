import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserAvailable, launchBrowser, watchForeignRequests } from "../helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { makeMember, makePerson, makeService } from "../helpers/factories.js";
import { routes, startFakeServer, type FakeServer } from "../helpers/fake-server.js";
import { makeRound } from "../helpers/applications.js";
import { translator } from "../../src/i18n/index.js";
import { decisionResult } from "../../src/features/applications/votes/decisions.repository.js";
import { wholeDb } from "../../src/db/adapter.js";

const tr = translator("fr");
const DAY = 86_400_000;

/**
 * The whole journey in a real browser, JavaScript and all: a candidate applies and answers a
 * reviewer's question, three member structures vote, the round closes on schedule, the count is
 * right and the new member is listed in the directory.
 */
describe.skipIf(!browserAvailable)("membership application, from the form to the directory", () => {
  let clock = new Date("2027-05-20T08:00:00.000Z");
  let t: TestPlatform;
  let browser: Browser;
  let site: FakeServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestPlatform({ now: () => clock });
    browser = await launchBrowser();
    site = await startFakeServer(
      routes({
        "/": { type: "text/html", body: "<h1>La Chatière</h1>" },
        "/cgu": { body: "CGU" },
        "/mentions-legales": { body: "Mentions" },
        "/pad/": { body: "pad" },
      }),
    );
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await site?.close();
    await t?.stop();
  });

  async function signIn(email: string, password: string): Promise<{ page: Page; foreign: string[] }> {
    const context = await browser.newContext({ locale: "fr-FR" });
    contexts.push(context);
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, t.url);
    await page.goto(`${t.url}/fr/login`);
    await page.fill("#field-email", email);
    await page.fill("#field-password", password);
    await page.click(`button:has-text("${tr("login.submit")}")`);
    await page.waitForURL(/\/fr\/account$/);
    return { page, foreign };
  }

  it("runs the whole process", async () => {
    const round = await makeRound(t.deps.db, { phase: "open", now: clock, label: "Portée n°50" });
    const candidateMember = await makeMember(t.deps.db, {
      name: "La Chatière",
      membership: "candidate",
      website: `${site.url}/`,
      tos_url: `${site.url}/cgu`,
      legal_url: `${site.url}/mentions-legales`,
      joined_at: null,
      joined_round: null,
    });
    await makeService(t.deps.db, candidateMember.id, { name: "Pad", url: `${site.url}/pad/` });
    const candidatePerson = await makePerson(t.deps.db, {
      memberships: [{ memberId: candidateMember.id, role: "admin" }],
    });
    const voters = [];
    for (const name of ["Chaton Un", "Chaton Deux", "Chaton Trois"]) {
      const m = await makeMember(t.deps.db, { name });
      voters.push({
        member: m,
        person: await makePerson(t.deps.db, { memberships: [{ memberId: m.id, role: "member" }] }),
      });
    }
    const admin = await makePerson(t.deps.db, { admin: true });

    // The candidate answers every part of the charter and sends the file.
    const candidate = await signIn(candidatePerson.email, candidatePerson.password);
    await candidate.page.goto(`${t.url}/fr/apply`);
    expect(await candidate.page.textContent("main")).toContain("Portée n°50");
    await candidate.page.click(`button:has-text("${tr("applications.apply.start")}")`);
    await candidate.page.waitForURL(/\/fr\/applications\/[^/]+$/);
    const appUrl = candidate.page.url();
    await candidate.page.click(`nav[aria-label="${tr("applications.step.nav")}"] a:nth-child(2)`);
    for (let part = 0; part < 7; part++) {
      await candidate.page.waitForURL(/\/parts\/[A-Z]$/);
      for (const radio of await candidate.page.locator('input[type="radio"][value="meets"]').all())
        await radio.check();
      for (const area of await candidate.page.locator('textarea[name^="explanation_"]').all())
        await area.fill("Oui, décrit sur notre site.");
      await candidate.page.click(`button:has-text("${tr("applications.step.save_next")}")`);
    }
    await candidate.page.waitForURL(/\/fr\/applications\/[^/]+#submit$/);
    expect(await candidate.page.textContent("#submit")).toContain(tr("applications.app.no_blockers"));
    await candidate.page.click(`button:has-text("${tr("applications.app.submit")}")`);
    await candidate.page.waitForURL(appUrl);
    expect(await candidate.page.textContent("main")).toContain(tr("applications.status.submitted"));
    expect(await candidate.page.textContent("#checks")).toContain(tr("applications.check.name.legal-pages"));

    // Review: a member asks, the candidate answers.
    clock = new Date(clock.getTime() + 10 * DAY);
    await t.deps.jobs.runNow("applications.schedule");
    const reviewer = await signIn(voters[0]?.person.email ?? "", voters[0]?.person.password ?? "");
    await reviewer.page.goto(appUrl);
    await reviewer.page.fill("#field-body", "Où sont hébergées vos sauvegardes ?");
    await reviewer.page.click(`button:has-text("${tr("applications.thread.send")}")`);
    await reviewer.page.waitForURL(/#thread$/);
    await candidate.page.goto(appUrl);
    expect(await candidate.page.textContent("#thread")).toContain("Où sont hébergées vos sauvegardes ?");
    await candidate.page.fill("#field-body", "Chez un autre chaton, à Lyon, chiffrées.");
    await candidate.page.click(`button:has-text("${tr("applications.thread.send")}")`);
    await candidate.page.waitForURL(/#thread$/);
    expect(await candidate.page.textContent("#thread")).toContain("Chez un autre chaton, à Lyon, chiffrées.");

    // The admin opens the vote a little early, from the round page.
    const adminSession = await signIn(admin.email, admin.password);
    await adminSession.page.goto(`${t.url}/fr/rounds/${round.id}`);
    await adminSession.page.click(
      `button:has-text("${tr("applications.round.advance", { phase: tr("applications.phase.vote") })}")`,
    );
    await adminSession.page.waitForURL(new RegExp(`/fr/rounds/${round.id}$`));

    // Three member structures vote: two for, one against.
    const choices = ["for", "for", "against"];
    for (const [i, v] of voters.entries()) {
      const session = i === 0 ? reviewer : await signIn(v.person.email, v.person.password);
      await session.page.goto(appUrl);
      await session.page.check(`#choice-${v.member.id}-${choices[i]}`);
      if (choices[i] === "against") await session.page.fill("#field-reason", "Trop tôt pour nous.");
      await session.page.click(`button:has-text("${tr("applications.vote.submit")}")`);
      await session.page.waitForURL(/#vote$/);
      expect(await session.page.textContent("#vote")).toContain(tr("applications.decision.hidden"));
      expect(session.foreign).toEqual([]);
    }

    // The round closes on schedule; the count is published and the candidate becomes a member.
    clock = new Date(Date.parse(round.closes_at) + 60_000);
    await t.deps.jobs.runNow("applications.schedule");
    const decision = await wholeDb(t.deps.db)
      .selectFrom("decisions")
      .selectAll()
      .where("round_id", "=", round.id)
      .executeTakeFirstOrThrow();
    expect(decisionResult(decision)).toMatchObject({
      counts: { for: 2, against: 1 },
      abstentions: 0,
      outcome: "adopted",
      verdict: "accept",
    });

    const visitor = await browser.newContext({ locale: "fr-FR" });
    contexts.push(visitor);
    const page = await visitor.newPage();
    const foreign = watchForeignRequests(page, t.url);
    await page.goto(`${t.url}/fr/decisions/${decision.id}`);
    const text = (await page.textContent("main")) ?? "";
    expect(text).toContain(tr("applications.outcome.adopted"));
    expect(text).toContain(`${tr("applications.option.for")} : 2`);
    expect(text).toContain(`${tr("applications.option.against")} : 1`);
    const member = await wholeDb(t.deps.db)
      .selectFrom("members")
      .selectAll()
      .where("id", "=", candidateMember.id)
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({ membership: "member", joined_round: "Portée n°50" });
    const directory = await page.goto(`${t.url}/fr/members`);
    expect(directory?.status()).toBe(200);
    expect(await page.textContent("main")).toContain("La Chatière");
    expect(foreign).toEqual([]);
    expect(candidate.foreign).toEqual([]);
  }, 180_000);
});
