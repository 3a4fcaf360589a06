import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { csrfFrom, type TestClient } from "../../../../tests/helpers/client.js";
import { translator, type MessageKey, type Vars } from "../../../i18n/index.js";
import { wholeDb } from "../../../db/adapter.js";

let clock = new Date("2027-02-01T08:00:00.000Z");
let t: TestPlatform;
const fr = (key: MessageKey, vars?: Vars) => escapeHtml(translator("fr")(key, vars));

beforeAll(async () => {
  t = await startTestPlatform({ now: () => clock });
});
afterAll(async () => {
  await t.stop();
});

async function memberClient() {
  const m = await makeMember(t.deps.db);
  const person = await makePerson(t.deps.db, { memberships: [{ memberId: m.id, role: "member" }] });
  const client = t.client();
  await client.login(person.email, person.password);
  return { memberId: m.id, client };
}

async function vote(client: TestClient, id: string, fields: Record<string, string>) {
  const page = await client.get(`/fr/decisions/${id}`);
  return client.post(`/fr/decisions/${id}/vote`, {
    _csrf: csrfFrom(page.text, `/fr/decisions/${id}/vote`) ?? csrfFrom(page.text) ?? "",
    ...fields,
  });
}

describe("collective decisions with the same vote engine", () => {
  it("opens a proposal with options, counts it at its deadline and publishes the result", async () => {
    const voters = [await memberClient(), await memberClient(), await memberClient()];
    const [first] = voters;
    if (!first) throw new Error("setup");
    const form = {
      title: "Jour de la réunion mensuelle",
      body: "Choisissons un jour.",
      options: "Mardi\nJeudi",
      closes_on: "2027-02-10",
      quorum_percent: "0",
      majority: "simple",
      results_hidden: "1",
    };
    const bad = await first.client.submit("/fr/decisions/new", "/fr/decisions", {
      ...form,
      options: "Mardi\nMardi",
      closes_on: "2026-01-01",
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain(fr("applications.error.options_duplicate"));
    const created = await first.client.submit("/fr/decisions/new", "/fr/decisions", form);
    expect(created.status).toBe(303);
    const id = (created.location ?? "").split("/").pop() ?? "";
    const choices = ["Mardi", "Mardi", "Jeudi"];
    for (const [i, v] of voters.entries())
      expect((await vote(v.client, id, { member: v.memberId, choice: choices[i] ?? "" })).status).toBe(303);
    expect((await vote(first.client, id, { member: first.memberId, choice: "Jeudi" })).status).toBe(409);
    // Not yet due: the job leaves it open.
    await t.deps.jobs.runNow("applications.schedule");
    expect((await t.client().get(`/fr/decisions/${id}`)).text).not.toContain(
      fr("applications.decision.results"),
    );
    clock = new Date("2027-02-11T00:00:00.000Z");
    await t.deps.jobs.runNow("applications.schedule");
    const decision = await wholeDb(t.deps.db)
      .selectFrom("decisions")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(decision.status).toBe("closed");
    expect(JSON.parse(decision.result ?? "{}")).toMatchObject({
      counts: { Mardi: 2, Jeudi: 1 },
      winner: "Mardi",
      outcome: "adopted",
    });
    const page = await t.client().get(`/fr/decisions/${id}`);
    expect(page.text).toContain(fr("applications.outcome.adopted"));
    expect(page.text).toContain("Mardi : 2");
    const late = await vote(first.client, id, { member: first.memberId, choice: "Jeudi" });
    expect(late.status).toBe(409);
    expect(late.text).toContain(fr("applications.vote.error.closed"));
  });

  it("puts a charter revision to the vote and publishes it when adopted", async () => {
    const voter = await memberClient();
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const draft = await client.submit("/fr/charter/admin", "/fr/charter/admin/drafts", {});
    const path = draft.location ?? "";
    const versionId = path.split("/").pop() ?? "";
    const proposed = await client.submit(path, `${path}/propose`, { closes_on: "2027-02-20" });
    expect(proposed.status).toBe(303);
    const decisionId = (proposed.location ?? "").split("/").pop() ?? "";
    expect((await vote(voter.client, decisionId, { member: voter.memberId, choice: "for" })).status).toBe(
      303,
    );
    clock = new Date("2027-02-21T00:00:00.000Z");
    await t.deps.jobs.runNow("applications.schedule");
    const version = await wholeDb(t.deps.db)
      .selectFrom("charter_versions")
      .select(["status", "version"])
      .where("id", "=", versionId)
      .executeTakeFirstOrThrow();
    expect(version.status).toBe("current");
    expect((await t.client().get("/fr/charter")).text).toContain(
      fr("applications.charter.version_label", { version: version.version }),
    );
  });

  it("shows a running count during the vote when the proposal does not hide results", async () => {
    const voter = await memberClient();
    const form = {
      title: "Ouvert à tous",
      body: "",
      options: "",
      closes_on: "2027-12-31",
      quorum_percent: "0",
      majority: "simple",
    };
    const created = await voter.client.submit("/fr/decisions/new", "/fr/decisions", form);
    const id = (created.location ?? "").split("/").pop() ?? "";
    expect((await vote(voter.client, id, { member: voter.memberId, choice: "against" })).status).toBe(303);
    const page = await t.client().get(`/fr/decisions/${id}`);
    expect(page.text).toContain(fr("applications.decision.running"));
    expect(page.text).toContain(fr("applications.result.provisional"));
    expect(page.text).toContain(`${fr("applications.option.against")} : 1`);
    expect(page.text).not.toContain(fr("applications.decision.hidden"));
  });

  it("keeps proposing to the collective's members", async () => {
    const candidate = await makeMember(t.deps.db, { membership: "candidate" });
    const person = await makePerson(t.deps.db, { memberships: [{ memberId: candidate.id, role: "admin" }] });
    const client = t.client();
    await client.login(person.email, person.password);
    expect((await client.get("/fr/decisions/new")).status).toBe(403);
    expect((await t.client().get("/fr/decisions")).status).toBe(200);
  });
});
