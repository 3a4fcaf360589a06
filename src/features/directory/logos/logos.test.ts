import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../../tests/helpers/fake-server.js";
import { makeMember, makePerson } from "../../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { ofName, translator } from "../../../i18n/index.js";
import { memberForm, signedIn } from "../members/test-selfservice.js";
import { updateMemberFields } from "../directory.repository.js";
import { findLogo } from "./logos.repository.js";
import { refreshLogo } from "./logos.fetch.js";
import { demoLogoPng } from "./logos.demo.js";
import { hashBytes, LOGO_MAX_BYTES } from "./logos.js";
import { wholeDb } from "../../../db/adapter.js";

const PNG = demoLogoPng("fake-member", 160, 96);
const OTHER_PNG = demoLogoPng("another", 64, 64);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

/** Whatever the test sets for a path; /flaky.png answers with `flaky`. */
let flaky: { status: number; type: string; body: string | Buffer } = {
  status: 200,
  type: "image/png",
  body: PNG,
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.statusCode = status;
  res.setHeader("content-type", type);
  res.end(body);
}

function memberServer(req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? "/").split("?")[0];
  if (path === "/logo.png") {
    res.setHeader("etag", '"png-1"');
    if (req.headers["if-none-match"] === '"png-1"') return send(res, 304, "image/png", "");
    return send(res, 200, "image/png", PNG);
  }
  if (path === "/logo.svg") return send(res, 200, "image/svg+xml", SVG);
  if (path === "/page.html") return send(res, 200, "text/html; charset=utf-8", "<!doctype html><p>hi</p>");
  if (path === "/big.png")
    return send(res, 200, "image/png", Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)]));
  if (path === "/lying.png") return send(res, 200, "image/png", "<html><script>alert(1)</script></html>");
  if (path === "/svg-named.png") return send(res, 200, "image/png", SVG);
  if (path === "/flaky.png") return send(res, flaky.status, flaky.type, flaky.body);
  return send(res, 404, "text/plain", "not found");
}

let t: TestPlatform;
let site: FakeServer;
beforeAll(async () => {
  t = await startTestPlatform();
  site = await startFakeServer(memberServer);
});
afterAll(async () => {
  await site.close();
  await t.stop();
});

const fr = translator("fr");

async function memberWithAdmin() {
  const member = await makeMember(t.deps.db);
  const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
  return { member, client: await signedIn(t, admin.email, admin.password) };
}

async function setLogoUrl(memberId: string, url: string | null) {
  await updateMemberFields(t.deps.db, memberId, { logo_url: url });
  return refreshLogo(t.deps, memberId);
}

/** Every image a page loads: the privacy rule is that all of them come from our own origin. */
const imageSources = (html: string) =>
  [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1] ?? "");

describe("member logos", () => {
  it("fetches a PNG when an admin saves its address, serves it from the platform and shows it", async () => {
    const { member, client } = await memberWithAdmin();
    const path = `/fr/members/${member.slug}/edit`;
    const saved = await client.submit(
      path,
      path,
      memberForm({ slug: member.slug, logo_url: `${site.url}/logo.png` }),
    );
    expect(saved.status).toBe(303);
    const row = await findLogo(t.deps.db, member.id);
    expect(row).toMatchObject({ content_type: "image/png", width: 160, height: 96, error: null });
    expect(row?.content_hash).toBe(hashBytes(PNG));
    const version = hashBytes(PNG).slice(0, 16);

    const image = await fetch(`${t.url}/members/${member.slug}/logo?v=${version}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    expect(image.headers.get("cache-control")).toContain("immutable");
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    const page = await t.client().get(`/fr/members/${member.slug}`);
    const src = `/members/${member.slug}/logo?v=${version}`;
    expect(page.text).toContain(`src="${src}"`);
    expect(page.text).toContain(
      `alt="${escapeHtml(fr("directory.logo.alt", { name: "Chaton modifié", name_of: ofName("fr", "Chaton modifié") }))}"`,
    );
    expect(page.text).toMatch(/class="member-logo"[^>]*width="96" height="58"/);
    for (const s of imageSources(page.text)) expect(s.startsWith("/")).toBe(true);
    expect(page.text).not.toContain(`src="${site.url}`);
    // The public lists read the logo from the in-memory directory.
    expect((await t.client().get("/fr/members")).text).toContain(`src="${src}"`);
    const api = await fetch(`${t.url}/api/members?per_page=200`);
    expect(JSON.stringify(await api.json())).toContain(src);
  });

  it("refuses SVG, HTML, too large files and lying types, records why and keeps the kitten", async () => {
    const cases = [
      ["/logo.svg", "svg"],
      ["/page.html", "not-an-image"],
      ["/big.png", "too-large"],
      ["/lying.png", "not-an-image"],
      ["/svg-named.png", "svg"],
      ["/missing.png", "http-error"],
    ] as const;
    for (const [file, reason] of cases) {
      const member = await makeMember(t.deps.db);
      expect(await setLogoUrl(member.id, `${site.url}${file}`)).toEqual({ status: "refused", reason });
      const row = await findLogo(t.deps.db, member.id);
      expect(row).toMatchObject({ error: reason, data: null, content_hash: null });
      expect((await fetch(`${t.url}/members/${member.slug}/logo`)).status).toBe(404);
      const page = await t.client().get(`/fr/members/${member.slug}`);
      expect(page.text).toContain(`/members/${member.slug}/avatar.svg`);
      expect(page.text).not.toContain(`/members/${member.slug}/logo?`);
    }
  });

  it("keeps the form save when the logo is refused, and tells the admin why", async () => {
    const { member, client } = await memberWithAdmin();
    const path = `/fr/members/${member.slug}/edit`;
    const saved = await client.submit(
      path,
      path,
      memberForm({ slug: member.slug, name: "Chaton au logo SVG", logo_url: `${site.url}/logo.svg` }),
    );
    expect(saved.status).toBe(303);
    const row = await wholeDb(t.deps.db)
      .selectFrom("members")
      .selectAll()
      .where("id", "=", member.id)
      .executeTakeFirst();
    expect(row?.name).toBe("Chaton au logo SVG");
    expect(row?.logo_url).toBe(`${site.url}/logo.svg`);
    const page = await client.get(`/fr/members/${member.slug}`);
    expect(page.text).toContain(escapeHtml(fr("directory.logo.reason.svg")));
    const dashboard = await client.get(`/fr/dashboard/${member.slug}`);
    expect(dashboard.text).toContain(escapeHtml(fr("directory.logo.reason.svg")));
    expect(dashboard.text).toContain(escapeHtml(fr("directory.logo.panel.kitten")));
  });

  it("keeps the previous logo when a refresh fails, and revalidates with If-None-Match", async () => {
    const member = await makeMember(t.deps.db);
    flaky = { status: 200, type: "image/png", body: PNG };
    expect(await setLogoUrl(member.id, `${site.url}/flaky.png`)).toEqual({ status: "stored" });
    for (const broken of [
      { status: 500, type: "text/plain", body: "oops" },
      { status: 200, type: "image/svg+xml", body: SVG },
    ]) {
      flaky = broken;
      expect((await refreshLogo(t.deps, member.id)).status).toBe("refused");
      const row = await findLogo(t.deps.db, member.id);
      expect(row?.content_hash).toBe(hashBytes(PNG));
      expect(row?.error).not.toBeNull();
      const page = await t.client().get(`/fr/members/${member.slug}`);
      expect(page.text).toContain(`/members/${member.slug}/logo?v=${hashBytes(PNG).slice(0, 16)}`);
    }
    flaky = { status: 200, type: "image/png", body: OTHER_PNG };
    expect(await refreshLogo(t.deps, member.id)).toEqual({ status: "stored" });
    expect((await findLogo(t.deps.db, member.id))?.content_hash).toBe(hashBytes(OTHER_PNG));

    const other = await makeMember(t.deps.db);
    await setLogoUrl(other.id, `${site.url}/logo.png`);
    const before = site.requests.length;
    expect(await refreshLogo(t.deps, other.id)).toEqual({ status: "unchanged" });
    expect(site.requests[before]?.headers["if-none-match"]).toBe('"png-1"');
    expect(await findLogo(t.deps.db, other.id)).toMatchObject({ error: null, content_hash: hashBytes(PNG) });
  });

  it("the periodic job fetches logos set without the form and drops those no longer published", async () => {
    const member = await makeMember(t.deps.db, { logo_url: `${site.url}/logo.png` });
    expect(await t.deps.jobs.runNow("directory.logos")).toMatch(/logos stored/);
    expect((await findLogo(t.deps.db, member.id))?.content_hash).toBe(hashBytes(PNG));
    await updateMemberFields(t.deps.db, member.id, { logo_url: null });
    await t.deps.jobs.runNow("directory.logos");
    expect(await findLogo(t.deps.db, member.id)).toBeUndefined();
    expect((await fetch(`${t.url}/members/${member.slug}/logo`)).status).toBe(404);
  });

  it("only the structure's admins and platform admins set the logo; a candidate's logo is not public", async () => {
    const member = await makeMember(t.deps.db, { membership: "candidate" });
    const plain = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "member" }] });
    const outsider = await makePerson(t.deps.db);
    const path = `/fr/members/${member.slug}/edit`;
    const before = site.requests.length;
    for (const person of [plain, outsider]) {
      const client = await signedIn(t, person.email, person.password);
      const res = await client.post(path, {
        _csrf: (await client.get("/fr/dashboard")).text.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? "",
        ...memberForm({ slug: member.slug, logo_url: `${site.url}/logo.png` }),
      });
      expect(res.status).toBe(403);
    }
    expect(site.requests.length).toBe(before);
    expect(await findLogo(t.deps.db, member.id)).toBeUndefined();

    const admin = await makePerson(t.deps.db, { admin: true });
    const client = await signedIn(t, admin.email, admin.password);
    const saved = await client.submit(
      path,
      path,
      memberForm({ slug: member.slug, logo_url: `${site.url}/logo.png`, membership: "candidate" }),
    );
    expect(saved.status).toBe(303);
    expect((await findLogo(t.deps.db, member.id))?.content_hash).toBe(hashBytes(PNG));
    expect((await fetch(`${t.url}/members/${member.slug}/logo`)).status).toBe(404);
    expect((await client.get(`/members/${member.slug}/logo`)).status).toBe(200);
  });
});
