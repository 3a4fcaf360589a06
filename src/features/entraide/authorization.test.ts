import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../tests/helpers/factories.js";
import { csrfFrom, type TestClient } from "../../../tests/helpers/client.js";
import { startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import {
  ETHERPAD_PAGE,
  directoryServiceFor,
  htmlAfter,
  makeInstance,
} from "../../../tests/helpers/entraide.js";
import { wholeDb } from "../../db/adapter.js";

/** Every write route (and every private page) of the feature, for each kind of person. */

let t: TestPlatform;
let server: FakeServer;
let memberA: { id: string; slug: string };
const people: Record<string, { email: string; password: string }> = {};

beforeAll(async () => {
  t = await startTestPlatform();
  server = await startFakeServer(htmlAfter(ETHERPAD_PAGE));
  memberA = await makeMember(t.deps.db, { name: "Structure A" });
  const memberB = await makeMember(t.deps.db, { name: "Structure B" });
  people.plainA = await makePerson(t.deps.db, { memberships: [{ memberId: memberA.id, role: "member" }] });
  people.adminA = await makePerson(t.deps.db, { memberships: [{ memberId: memberA.id, role: "admin" }] });
  people.adminB = await makePerson(t.deps.db, { memberships: [{ memberId: memberB.id, role: "admin" }] });
  people.platform = await makePerson(t.deps.db, { admin: true });
});
afterAll(async () => {
  await server.close();
  await t.stop();
});

async function signedIn(who: string | null): Promise<{ client: TestClient; token: string }> {
  const client = t.client();
  const person = who ? people[who] : undefined;
  if (person) await client.login(person.email, person.password);
  // Anonymous forms carry the hourly token of the sign-in form; a session carries its own.
  const page = await client.get(person ? "/fr/account" : "/fr/login");
  const token = csrfFrom(page.text);
  if (!token) throw new Error("no CSRF token");
  return { client, token };
}

let serial = 0;
function writes(
  instanceId: string,
  directoryServiceId: string,
): [string, Record<string, string>, "structure" | "platform"][] {
  serial++;
  const structure = `/fr/entraide/members/${memberA.slug}`;
  const own = `${structure}/instances/${instanceId}`;
  const instanceForm = { directory_service_id: directoryServiceId, weight: "4", max_share: "" };
  const serviceForm = {
    name_fr: "Pad bis",
    name_en: "Pad bis",
    description_fr: "Un pad.",
    description_en: "A pad.",
    icon: "pad",
    category_id: "pad",
    software: "etherpad",
    position: "5",
    enabled: "1",
  };
  return [
    [`${structure}/instances`, { service_id: "pad", ...instanceForm }, "structure"],
    [own, instanceForm, "structure"],
    [`${own}/pause`, {}, "structure"],
    [`${own}/check`, {}, "structure"],
    [`/fr/admin/entraide/instances/${instanceId}/approve`, {}, "platform"],
    [`/fr/admin/entraide/instances/${instanceId}/reject`, {}, "platform"],
    [`/fr/admin/entraide/instances/${instanceId}/check`, {}, "platform"],
    ["/fr/admin/entraide/services", { id: `extra-${serial}`, ...serviceForm }, "platform"],
    ["/fr/admin/entraide/services/pad", serviceForm, "platform"],
    // Last: a withdrawn instance is gone for every route after it.
    [`${own}/withdraw`, {}, "structure"],
  ];
}

const expected: Record<string, { structure: number; platform: number }> = {
  anonymous: { structure: 401, platform: 401 },
  plainA: { structure: 403, platform: 403 },
  adminB: { structure: 403, platform: 403 },
  adminA: { structure: 303, platform: 403 },
  platform: { structure: 303, platform: 303 },
};

const entraideAudit = async () =>
  (
    await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "entraide.%")
      .execute()
  ).length;

describe("authorization of every write route", () => {
  for (const [who, status] of Object.entries(expected)) {
    it(`answers ${status.structure}/${status.platform} to ${who}`, async () => {
      const { client, token } = await signedIn(who === "anonymous" ? null : who);
      const instanceId = await makeInstance(t.deps.db, { memberId: memberA.id, url: `${server.url}/` });
      const auditBefore = await entraideAudit();
      let allowed = 0;
      const lent = await directoryServiceFor(t.deps.db, { memberId: memberA.id, url: `${server.url}/` });
      for (const [path, fields, scope] of writes(instanceId, lent)) {
        const res = await client.post(path, { _csrf: token, ...fields });
        expect(`${path} → ${res.status}`).toBe(`${path} → ${status[scope]}`);
        if (res.status === 303) allowed++;
      }
      // Refused requests changed nothing; allowed ones left an audit entry (checks are not writes).
      const audited = (await entraideAudit()) - auditBefore;
      if (allowed === 0) expect(audited).toBe(0);
      else expect(audited).toBe(allowed - (who === "platform" ? 2 : 1));
    });
  }
});

describe("authorization of private pages", () => {
  const pages = () =>
    [
      [`/fr/entraide/members/${memberA.slug}`, "structure"],
      ["/fr/admin/entraide", "platform"],
      ["/fr/admin/entraide/services/new", "platform"],
      ["/fr/admin/entraide/services/pad", "platform"],
    ] as const;
  const reads: Record<string, { structure: number; platform: number }> = {
    anonymous: { structure: 401, platform: 401 },
    plainA: { structure: 403, platform: 403 },
    adminB: { structure: 403, platform: 403 },
    adminA: { structure: 200, platform: 403 },
    platform: { structure: 200, platform: 200 },
  };
  for (const [who, status] of Object.entries(reads)) {
    it(`answers ${status.structure}/${status.platform} to ${who}`, async () => {
      const { client } = await signedIn(who === "anonymous" ? null : who);
      for (const [path, scope] of pages()) {
        const res = await client.get(path);
        expect(`${path} → ${res.status}`).toBe(`${path} → ${status[scope]}`);
      }
    });
  }

  it("hides another structure's instance behind a 404, even from its admins' neighbours", async () => {
    const other = await makeMember(t.deps.db);
    const foreign = await makeInstance(t.deps.db, { memberId: other.id, url: `${server.url}/` });
    const { client, token } = await signedIn("adminA");
    const res = await client.post(`/fr/entraide/members/${memberA.slug}/instances/${foreign}/pause`, {
      _csrf: token,
    });
    expect(res.status).toBe(404);
    const row = await wholeDb(t.deps.db)
      .selectFrom("entraide_instances")
      .select("paused")
      .where("id", "=", foreign)
      .executeTakeFirstOrThrow();
    expect(row.paused).toBe(0);
  });
});
