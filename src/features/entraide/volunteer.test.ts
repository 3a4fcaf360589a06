import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService } from "../../../tests/helpers/factories.js";
import type { TestClient } from "../../../tests/helpers/client.js";
import { routes, startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import { ETHERPAD_PAGE, htmlAfter, softwareId } from "../../../tests/helpers/entraide.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { translator, type MessageKey, type Vars } from "../../i18n/index.js";
import { PROBE_JOB } from "../../probe/rounds.js";
import { wholeDb } from "../../db/adapter.js";

/** A structure lends an instance, the platform admins approve it, visitors get it, the structure pauses it. */

let t: TestPlatform;
let server: FakeServer;
let redirecting: FakeServer;
let member: { id: string; slug: string; name: string };
let structureAdmin: TestClient;
let platformAdmin: TestClient;
/** The structure's directory services, by what they are for in these tests. */
const lendable: Record<string, string> = {};
const tr = translator("fr");
const fr = (key: MessageKey, vars?: Vars) => escapeHtml(tr(key, vars));

beforeAll(async () => {
  t = await startTestPlatform();
  server = await startFakeServer(htmlAfter(ETHERPAD_PAGE));
  redirecting = await startFakeServer(
    routes({ "/": { status: 302, body: "", headers: { location: `http://localhost:${server.port}/` } } }),
  );
  member = await makeMember(t.deps.db, { name: "Chaton Généreux" });
  const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
  const root = await makePerson(t.deps.db, { admin: true });
  structureAdmin = t.client();
  await structureAdmin.login(admin.email, admin.password);
  platformAdmin = t.client();
  await platformAdmin.login(root.email, root.password);
  const service = (url: string, over: { software?: string; category?: string } = {}) =>
    makeService(t.deps.db, member.id, { url, category_id: over.category ?? "pad" }).then(async (s) => {
      await wholeDb(t.deps.db)
        .updateTable("services")
        .set({ software_id: await softwareId(t.deps.db, over.software ?? "etherpad") })
        .where("id", "=", s.id)
        .execute();
      return s.id;
    });
  lendable.pad = await service(`${server.url}/`);
  lendable.other = await service(`${server.url}/autre/`);
  lendable.private = await service("http://10.1.2.3/pad/");
  lendable.scheme = await service("ftp://127.0.0.1/pad/");
  lendable.redirecting = await service(`${redirecting.url}/`);
  lendable.paste = await service(`${server.url}/paste/`, { software: "privatebin" });
  lendable.poll = await service(`${server.url}/poll/`, { software: "framadate", category: "poll" });
  const neighbour = await makeMember(t.deps.db, { name: "Chaton Voisin" });
  lendable.neighbours = (await makeService(t.deps.db, neighbour.id, { url: `${server.url}/voisin/` })).id;
});
afterAll(async () => {
  await server.close();
  await redirecting.close();
  await t.stop();
});

const page = () => `/fr/entraide/members/${member.slug}`;
const propose = (fields: Record<string, string>) =>
  structureAdmin.submit(page(), `${page()}/instances`, {
    service_id: "pad",
    directory_service_id: lendable.pad ?? "",
    weight: "5",
    max_share: "",
    ...fields,
  });
const onlyInstance = () =>
  wholeDb(t.deps.db)
    .selectFrom("entraide_instances")
    .selectAll()
    .where("member_id", "=", member.id)
    .executeTakeFirstOrThrow();

describe("lending an instance", () => {
  it("offers the structure's directory services of the portal's categories, and no address to type", async () => {
    const res = await structureAdmin.get(page());
    expect(res.text).toContain(`<option value="${lendable.pad}">`);
    expect(res.text).toContain(`<option value="${lendable.poll}">`);
    expect(res.text).not.toContain(lendable.neighbours);
    expect(res.text).not.toContain('name="url"');
  });

  it("keeps the form and names the problem when the values are wrong", async () => {
    const res = await propose({ weight: "12", max_share: "0" });
    expect(res.status).toBe(422);
    expect(res.text).toContain(fr("entraide.error.weight"));
    expect(res.text).toContain(fr("entraide.error.max_share"));
    expect(res.text).toContain(`<option value="${lendable.pad}" selected="">`);
    const none = await propose({ directory_service_id: "" });
    expect(none.status).toBe(422);
    expect(none.text).toContain(fr("entraide.error.directory_service"));
  });

  it("refuses private addresses, other schemes, redirects to another domain and the wrong software", async () => {
    const refused = async (which: string) =>
      (await propose({ directory_service_id: lendable[which] ?? "" })).text;
    expect(await refused("private")).toContain(fr("entraide.error.url_private"));
    expect(await refused("scheme")).toContain(fr("entraide.error.url_scheme"));
    expect(await refused("redirecting")).toContain(fr("entraide.error.url_redirect"));
    const wrong = await propose({ directory_service_id: lendable.paste ?? "" });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain(fr("entraide.error.software_mismatch"));
    expect(await refused("poll")).toContain(fr("entraide.error.directory_category"));
    expect(await refused("neighbours")).toContain(fr("entraide.error.directory_service"));
    const count = await wholeDb(t.deps.db).selectFrom("entraide_instances").select("id").execute();
    expect(count).toHaveLength(0);
  });

  it("records a valid proposal as pending, audited, and sends no visitor to it", async () => {
    const res = await propose({ weight: "7", max_share: "40" });
    expect(res.status).toBe(303);
    expect(res.location).toBe(page());
    const row = await onlyInstance();
    expect(row).toMatchObject({
      approval: "pending",
      health: "unknown",
      weight: 7,
      max_share: 40,
      paused: 0,
      directory_service_id: lendable.pad,
      reviewed_url: `${server.url}/`,
    });
    const audit = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .selectAll()
      .where("subject_id", "=", row.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["entraide.instance.create"]);
    expect((await structureAdmin.get(page())).text).toContain(fr("entraide.flash.proposed"));
    await t.deps.jobs.runNow(PROBE_JOB);
    expect((await t.client().get("/entraide/pad?direct=1")).status).toBe(503);
  });

  it("goes live once a platform admin approves it and a check passes", async () => {
    const row = await onlyInstance();
    const admin = await platformAdmin.get("/fr/admin/entraide");
    expect(admin.text).toContain(escapeHtml(member.name));
    const res = await platformAdmin.submit(
      "/fr/admin/entraide",
      `/fr/admin/entraide/instances/${row.id}/approve`,
      {},
    );
    expect(res.status).toBe(303);
    await t.deps.jobs.runNow(PROBE_JOB);
    const go = await t.client().get("/entraide/pad?direct=1");
    expect(go.location).toBe(`${server.url}/`);
  });

  it("shows the structure its instance's health and the visitors sent", async () => {
    await t.client().get("/entraide/pad?direct=1");
    await t.deps.jobs.runNow(PROBE_JOB); // flushes the counters
    const res = await structureAdmin.get(page());
    expect(res.text).toContain(fr("entraide.health.up"));
    expect(res.text).toContain(fr("entraide.approval.approved"));
    expect(res.text).toMatch(/<td>2<\/td>/);
  });

  it("stops sending visitors as soon as the structure pauses it, and again when it resumes", async () => {
    const row = await onlyInstance();
    const pause = `${page()}/instances/${row.id}/pause`;
    expect((await structureAdmin.submit(page(), pause, {})).status).toBe(303);
    expect((await t.client().get("/entraide/pad?direct=1")).status).toBe(503);
    expect((await structureAdmin.submit(page(), pause, {})).status).toBe(303);
    expect((await t.client().get("/entraide/pad?direct=1")).status).toBe(303);
  });

  it("puts the instance back in review when its address changes", async () => {
    const row = await onlyInstance();
    const edit = `${page()}/instances/${row.id}`;
    const res = await structureAdmin.submit(edit, edit, {
      directory_service_id: lendable.other ?? "",
      weight: "3",
      max_share: "",
    });
    expect(res.status).toBe(303);
    expect(await onlyInstance()).toMatchObject({
      approval: "pending",
      health: "unknown",
      weight: 3,
      max_share: null,
      reviewed_url: `${server.url}/autre/`,
    });
    expect((await t.client().get("/entraide/pad?direct=1")).status).toBe(503);
  });

  it("puts it back in review when its address changes in the directory", async () => {
    const row = await onlyInstance();
    await platformAdmin.submit("/fr/admin/entraide", `/fr/admin/entraide/instances/${row.id}/approve`, {});
    await t.deps.jobs.runNow(PROBE_JOB);
    expect((await t.client().get("/entraide/pad?direct=1")).location).toBe(`${server.url}/autre/`);
    await wholeDb(t.deps.db)
      .updateTable("services")
      .set({ url: `${server.url}/ailleurs/` })
      .where("id", "=", lendable.other ?? "")
      .execute();
    await t.deps.jobs.runNow(PROBE_JOB);
    expect(await onlyInstance()).toMatchObject({ approval: "pending", health: "unknown" });
    expect((await t.client().get("/entraide/pad?direct=1")).status).toBe(503);
    const moved = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("data")
      .where("action", "=", "entraide.instance.moved")
      .where("subject_id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(moved.data)).toEqual({ from: `${server.url}/autre/`, to: `${server.url}/ailleurs/` });
  });

  it("lets a candidate structure see the page but not lend instances", async () => {
    const candidate = await makeMember(t.deps.db, { membership: "candidate" });
    const person = await makePerson(t.deps.db, { memberships: [{ memberId: candidate.id, role: "admin" }] });
    const client = t.client();
    await client.login(person.email, person.password);
    const res = await client.get(`/fr/entraide/members/${candidate.slug}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(fr("entraide.manage.not_member"));
    const token = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1] ?? "";
    const post = await client.post(`/fr/entraide/members/${candidate.slug}/instances`, {
      _csrf: token,
      service_id: "pad",
      directory_service_id: lendable.pad ?? "",
    });
    expect(post.status).toBe(403);
  });

  it("sends a structure with nothing to lend to the directory first", async () => {
    const bare = await makeMember(t.deps.db, { name: "Chaton Sans Service" });
    const person = await makePerson(t.deps.db, { memberships: [{ memberId: bare.id, role: "admin" }] });
    const client = t.client();
    await client.login(person.email, person.password);
    const res = await client.get(`/fr/entraide/members/${bare.slug}`);
    expect(res.text).toContain(fr("entraide.manage.no_services"));
    expect(res.text).toContain(`href="/fr/members/${bare.slug}/services/new"`);
  });
});

describe("editing the portal's services", () => {
  it("renames, hides and adds services, and the portal follows at once", async () => {
    const form = {
      name_fr: "Pad collaboratif",
      name_en: "Collaborative pad",
      description_fr: "Écrire ensemble.",
      description_en: "Write together.",
      icon: "pad",
      category_id: "pad",
      software: "etherpad",
      position: "1",
      enabled: "1",
    };
    const edit = "/fr/admin/entraide/services/pad";
    expect((await platformAdmin.submit(edit, edit, form)).status).toBe(303);
    expect((await t.client().get("/fr/entraide")).text).toContain("Pad collaboratif");
    const hidden = await platformAdmin.submit(edit, edit, { ...form, enabled: "" });
    expect(hidden.status).toBe(303);
    expect((await t.client().get("/fr/entraide")).text).not.toContain("Pad collaboratif");
    expect((await t.client().get("/fr/entraide/pad")).status).toBe(404);

    const create = "/fr/admin/entraide/services";
    const reserved = await platformAdmin.submit("/fr/admin/entraide/services/new", create, {
      ...form,
      id: "members",
    });
    expect(reserved.status).toBe(422);
    expect(reserved.text).toContain(fr("entraide.error.service_id"));
    const none = await platformAdmin.submit("/fr/admin/entraide/services/new", create, {
      ...form,
      id: "kanban",
      software: [],
    });
    expect(none.status).toBe(422);
    expect(none.text).toContain(fr("entraide.error.software_required"));
    const added = await platformAdmin.submit("/fr/admin/entraide/services/new", create, {
      ...form,
      id: "kanban",
      name_fr: "Kanban",
      software: ["scrumblr"],
      icon: "post-it",
    });
    expect(added.status).toBe(303);
    expect((await t.client().get("/fr/entraide")).text).toContain('href="/fr/entraide/kanban"');
  });
});
