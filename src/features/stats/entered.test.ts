import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService } from "../../../tests/helpers/factories.js";
import { csrfFrom, type TestClient } from "../../../tests/helpers/client.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { translator } from "../../i18n/index.js";
import { parseChatonsInfos } from "./chatonsinfos/parse.js";
import { checkChatonsInfos } from "./chatonsinfos/check.js";
import { problemText } from "./check-text.js";
import { CRAWL_JOB } from "./stats.jobs.js";
import { wholeDb } from "../../db/adapter.js";

/**
 * Entered metrics end to end: a structure's admin enters values for a service whose file the
 * platform generates → the generated file states them → a crawl reads that file → the service's
 * metrics export has them. Also who may, CSRF, and bad input kept in the form.
 */

// Later than the factories' rows (they use the real clock): entering a value moves the file's date.
const NOW = new Date("2030-01-10T10:00:00Z");
const fr = translator("fr");
const PAGE = "/fr/stats/metrics/chaton-saisie/cloud";
const FILE = "/.well-known/chatonsinfos/chaton-saisie/cloud.properties";

let t: TestPlatform;
let admin: { email: string; password: string };
let stranger: { email: string; password: string };
let editor: { email: string; password: string };

beforeAll(async () => {
  t = await startTestPlatform({ now: () => NOW });
  const db = t.deps.db;
  const keeper = await makeMember(db, { slug: "chaton-saisie", name: "Chaton Saisie" });
  await makeService(db, keeper.id, { slug: "cloud", name: "Cloud", url: "http://127.0.0.1:9/cloud/" });
  const other = await makeMember(db, { slug: "chaton-voisin", name: "Chaton Voisin" });
  await makeService(db, other.id, { slug: "pad", name: "Pad", url: "http://127.0.0.1:9/pad/" });
  const publisher = await makeMember(db, {
    slug: "chaton-publie",
    name: "Chaton Publié",
    chatonsinfos_url: "http://127.0.0.1:9/org.properties",
  });
  await makeService(db, publisher.id, { slug: "social", name: "Social", url: "http://127.0.0.1:9/social/" });
  admin = await makePerson(db, { memberships: [{ memberId: keeper.id, role: "admin" }] });
  editor = await makePerson(db, { memberships: [{ memberId: keeper.id, role: "member" }] });
  stranger = await makePerson(db, { memberships: [{ memberId: other.id, role: "admin" }] });
});

afterAll(async () => {
  await t.stop();
});

async function signedIn(who: { email: string; password: string }): Promise<TestClient> {
  const client = t.client();
  await client.login(who.email, who.password);
  return client;
}

async function tokenOf(client: TestClient, action: string): Promise<string> {
  const token = csrfFrom((await client.get(PAGE)).text, action);
  if (!token) throw new Error(`no form posting to ${action}`);
  return token;
}

function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = "----chatons-test-boundary";
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: text/plain\r\n\r\n${file.content}\r\n`,
  );
  return { body: `${parts.join("")}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

describe("entered metrics", () => {
  it("enters a year and a month, states them in the generated file, and the crawl exports them", async () => {
    const client = await signedIn(admin);
    const service = await client.get("/fr/stats/services/chaton-saisie/cloud");
    expect(service.text).toContain(`href="${PAGE}"`);
    expect((await t.client().get("/fr/stats/services/chaton-saisie/cloud")).text).not.toContain(
      `href="${PAGE}"`,
    );
    const page = await client.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.text).toContain(escapeHtml(fr("stats.entered.list.count", { count: 0 })));

    const year = await client.submit(PAGE, PAGE, {
      form: "year",
      metric: "http.visits",
      year: "2025",
      m1: "100",
      m2: "120",
      m3: "",
      m4: "140",
    });
    expect(year.status).toBe(303);
    const month = await client.submit(PAGE, PAGE, {
      form: "month",
      metric: "service.accounts",
      year: "2026",
      month: "5",
      value: "42",
    });
    expect(month.status).toBe(303);
    const after = await client.get(PAGE);
    expect(after.text).toContain(escapeHtml(fr("stats.entered.saved", { count: 1 })));
    expect(after.text).toContain(escapeHtml(fr("stats.entered.list.count", { count: 4 })));

    const audited = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "stats.metrics.entered")
      .execute();
    expect(audited).toHaveLength(2);

    const file = await t.client().get(FILE);
    expect(file.status).toBe(200);
    expect(file.text).toContain("metrics.http.visits.2025.months = 100,120,,140\n");
    expect(file.text).toContain("metrics.service.accounts.2026.months = ,,,,42\n");
    expect(file.text).toContain(`file.datetime = ${NOW.toISOString().slice(0, 19)}`);
    expect(checkChatonsInfos(parseChatonsInfos(file.text)).counts.error).toBe(0);

    await t.deps.jobs.runNow(CRAWL_JOB);
    const exported = await t
      .client()
      .get(
        "/api/stats/metrics.json?scope=service&member=chaton-saisie&service=cloud&metric=http.visits&period=months",
      );
    expect(exported.status).toBe(200);
    const rows: unknown = JSON.parse(exported.text);
    const values = rowsOf(rows).map((r) => [r.year, r.index, r.value]);
    expect(values.slice(0, 4)).toEqual([
      [2025, 1, 100],
      [2025, 2, 120],
      [2025, 3, null],
      [2025, 4, 140],
    ]);
  });

  it("replaces a month entered again, and an upload adds weeks and refuses a broken file", async () => {
    const client = await signedIn(admin);
    const again = await client.submit(PAGE, PAGE, {
      form: "month",
      metric: "http.visits",
      year: "2025",
      month: "2",
      value: "125",
    });
    expect(again.status).toBe(303);
    const upload = `${PAGE}/upload`;
    const good = multipart(
      { _csrf: await tokenOf(client, upload) },
      {
        name: "metrics.properties",
        content: "# from our logs\nmetrics.http.hits.2026.weeks = 10;20;30\nservice.name = ignored\n",
      },
    );
    const saved = await client.request("POST", upload, {
      body: good.body,
      headers: { "content-type": good.type },
    });
    expect(saved.status).toBe(303);
    const file = (await t.client().get(FILE)).text;
    expect(file).toContain("metrics.http.visits.2025.months = 100,125,,140\n");
    expect(file).toContain("metrics.http.hits.2026.weeks = 10,20,30\n");

    const broken = "metrics.http.visitors.2026.months = 1,deux,3\nmetrics.http.visitors = 4\n";
    const refused = await client.post(upload, { _csrf: await tokenOf(client, upload), content: broken });
    expect(refused.status).toBe(422);
    // The validator's own words for the same problem, and the pasted text kept.
    const report = checkChatonsInfos(parseChatonsInfos(broken), "metrics");
    const bad = report.results.find((r) => r.severity === "error");
    expect(bad).toBeDefined();
    if (bad) expect(refused.text).toContain(escapeHtml(problemText(fr, bad)));
    expect(refused.text).toContain(escapeHtml("1,deux,3"));
    expect((await t.client().get(FILE)).text).not.toContain("http.visitors");
  });

  it("keeps bad input in the form with field errors, and saves nothing", async () => {
    const client = await signedIn(admin);
    const before = (await t.client().get(FILE)).text;
    const res = await client.submit(PAGE, PAGE, {
      form: "month",
      metric: "http.visits",
      year: "1800",
      month: "13",
      value: "-5",
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.text).toContain(escapeHtml(fr("stats.entered.error.year")));
    expect(res.text).toContain(escapeHtml(fr("stats.entered.error.negative")));
    expect(res.text).toMatch(/name="year"[^>]*value="1800"/);
    expect(res.text).toMatch(/name="value"[^>]*value="-5"/);
    const empty = await client.submit(PAGE, PAGE, { form: "year", metric: "http.visits", year: "2024" });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain(escapeHtml(fr("stats.entered.error.empty")));
    const unknown = await client.submit(PAGE, PAGE, {
      form: "month",
      metric: "nope",
      year: "2024",
      month: "1",
      value: "1",
    });
    expect(unknown.status).toBe(422);
    expect((await t.client().get(FILE)).text).toBe(before);
  });

  it("lets only the structure's admins in, with a CSRF token", async () => {
    expect((await t.client().get(PAGE)).status).toBe(401);
    const other = await signedIn(stranger);
    expect((await other.get(PAGE)).status).toBe(403);
    const token = csrfFrom(
      (await other.get("/fr/stats/metrics/chaton-voisin/pad")).text,
      "/fr/stats/metrics/chaton-voisin/pad",
    );
    expect(token).toBeDefined();
    const forged = await other.post(PAGE, {
      _csrf: token ?? "",
      form: "month",
      metric: "http.visits",
      year: "2025",
      month: "1",
      value: "999999",
    });
    expect(forged.status).toBe(403);
    const plain = await signedIn(editor);
    expect((await plain.get(PAGE)).status).toBe(403);

    const client = await signedIn(admin);
    const noToken = await client.post(PAGE, {
      form: "month",
      metric: "http.visits",
      year: "2025",
      month: "1",
      value: "7",
    });
    expect(noToken.status).toBe(403);
    const crossSite = await client.post(
      PAGE,
      {
        _csrf: await tokenOf(client, PAGE),
        form: "month",
        metric: "http.visits",
        year: "2025",
        month: "1",
        value: "7",
      },
      { origin: "http://evil.example" },
    );
    expect(crossSite.status).toBe(403);
    expect((await t.client().get(FILE)).text).toContain("metrics.http.visits.2025.months = 100,");

    // A service with a file of its own is told where to put its metrics; an unknown one is 404.
    const platformAdmin = await signedIn(await makePerson(t.deps.db, { admin: true }));
    const own = await platformAdmin.get("/fr/stats/metrics/chaton-publie/social");
    expect(own.status).toBe(200);
    expect(own.text).toContain("http://127.0.0.1:9/org.properties");
    expect(own.text).not.toContain('name="metric"');
    const adminToken = await tokenOf(platformAdmin, PAGE);
    const refused = await platformAdmin.post("/fr/stats/metrics/chaton-publie/social", {
      _csrf: adminToken,
      form: "month",
      metric: "http.visits",
      year: "2025",
      month: "1",
      value: "1",
    });
    expect(refused.status).toBe(409);
    expect((await platformAdmin.get("/fr/stats/metrics/chaton-saisie/nothing")).status).toBe(404);
    expect((await platformAdmin.get(PAGE)).status).toBe(200);
  });

  it("is written in every language", async () => {
    const client = await signedIn(admin);
    for (const locale of ["fr", "en", "de"]) {
      const res = await client.get(`/${locale}/stats/metrics/chaton-saisie/cloud`);
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/stats\.[a-z]+\.[a-z]/);
    }
  });
});

interface Row {
  year: number;
  index: number;
  value: number | null;
}

function rowsOf(raw: unknown): Row[] {
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === "object" && raw !== null && "items" in raw
      ? raw.items
      : [];
  if (!Array.isArray(list)) return [];
  return list.flatMap((r: unknown) =>
    typeof r === "object" &&
    r !== null &&
    "year" in r &&
    typeof r.year === "number" &&
    "index" in r &&
    typeof r.index === "number" &&
    "value" in r &&
    (typeof r.value === "number" || r.value === null)
      ? [{ year: r.year, index: r.index, value: r.value }]
      : [],
  );
}
