import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../../tests/helpers/fake-server.js";
import { importCommand, runImport } from "./run.js";
import { decide } from "./decide.js";
import { setSoftwareCategory } from "./software.js";
import { makePerson } from "../../../../tests/helpers/factories.js";
import { wholeDb } from "../../../db/adapter.js";

/**
 * The federation import against a fake federation on loopback: two organizations, services with
 * known and unknown software, one broken file. Run twice (the second changes nothing), dry run
 * (writes nothing), a field edited in the platform kept.
 */

let t: TestPlatform;
let fed: FakeServer;
const files = new Map<string, string>();

const header = (cls: string) => [`file.class = ${cls}`, "file.protocol = ChatonsInfos-0.5"];
function setFiles(base: string, orgName = "Chaton Un") {
  files.set(
    "/federation.properties",
    [
      ...header("federation"),
      "federation.name = Fédé",
      `subs.un = ${base}/un.properties`,
      `subs.deux = ${base}/deux.properties`,
      `subs.broken = ${base}/missing.properties`,
    ].join("\n"),
  );
  files.set(
    "/un.properties",
    [
      ...header("organization"),
      `organization.name = ${orgName}`,
      "organization.description = Un hébergeur associatif",
      "organization.type = ASSOCIATION",
      "organization.website = https://un.example.org",
      "organization.contact.email = contact@un.example.org",
      "organization.legal.url = https://un.example.org/legal",
      "organization.country.code = FR",
      "organization.geolocation.latitude = 47.2",
      "organization.geolocation.longitude = -1.55",
      "organization.memberof.chatons.startdate = 12/03/2019",
      `subs.pad = ${base}/un-pad.properties`,
      `subs.odd = ${base}/un-odd.properties`,
    ].join("\n"),
  );
  files.set(
    "/un-pad.properties",
    [
      ...header("service"),
      "service.name = Pad",
      "service.website = https://pad.un.example.org",
      "service.status.level = OK",
      "service.registration = None",
      "service.registration.load = OPEN",
      'software.name = "Etherpad"',
    ].join("\n"),
  );
  files.set(
    "/un-odd.properties",
    [
      ...header("service"),
      "service.name = Odd",
      "service.website = https://odd.un.example.org",
      "software.name = Oddware",
    ].join("\n"),
  );
  files.set(
    "/deux.properties",
    [
      ...header("organization"),
      "organization.name = Chaton Deux",
      "organization.type = COMPANY",
      "organization.website = https://deux.example.org",
    ].join("\n"),
  );
}

beforeAll(async () => {
  t = await startTestPlatform();
  fed = await startFakeServer((req, res) => {
    const body = files.get((req.url ?? "/").split("?")[0] ?? "/");
    res.statusCode = body === undefined ? 404 : 200;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(body ?? "not found");
  });
  setFiles(fed.url);
}, 60_000);
afterAll(async () => {
  await fed.close();
  await t.stop();
});

const members = () => wholeDb(t.deps.db).selectFrom("members").selectAll().orderBy("slug").execute();
const services = () => wholeDb(t.deps.db).selectFrom("services").selectAll().orderBy("slug").execute();
const audits = () =>
  wholeDb(t.deps.db)
    .selectFrom("audit_log")
    .select("action")
    .where("action", "like", "stats.import.%")
    .execute();

describe("chatons import --federation", () => {
  it("says what it would do in a dry run, and writes nothing", async () => {
    const report = await runImport(t.deps, {
      url: `${fed.url}/federation.properties`,
      dryRun: true,
      personId: null,
    });
    expect(report.fatal).toBeNull();
    expect(report.entries.map((e) => [e.kind, e.action, e.name])).toEqual([
      ["member", "created", "Chaton Un"],
      ["service", "created", "Pad"],
      ["service", "unplaced", "Odd"],
      ["member", "created", "Chaton Deux"],
      ["member", "failed", "broken"],
    ]);
    expect(await members()).toEqual([]);
    expect(await audits()).toEqual([]);
  });

  it("creates members and services, places software, lists what it cannot place", async () => {
    const code = await importCommand.run(t.deps, ["--federation", `${fed.url}/federation.properties`]);
    expect(code).toBe(0);
    const [deux, un] = await members();
    expect(un).toMatchObject({
      slug: "un",
      name: "Chaton Un",
      type: "association",
      membership: "member",
      website: "https://un.example.org",
      contact_email: "contact@un.example.org",
      legal_url: "https://un.example.org/legal",
      country_code: "FR",
      latitude: 47.2,
      longitude: -1.55,
      joined_at: "2019-03-12",
      chatonsinfos_url: `${fed.url}/un.properties`,
    });
    expect(deux).toMatchObject({ slug: "deux", type: "company" });
    const [pad] = await services();
    expect(pad).toMatchObject({
      name: "Pad",
      category_id: "pad",
      url: "https://pad.un.example.org",
      access: "none",
    });
    expect((await services()).length).toBe(1);
    expect((await audits()).map((a) => a.action).sort()).toEqual([
      "stats.import.member",
      "stats.import.member",
      "stats.import.run",
      "stats.import.service",
    ]);
  });

  it("changes nothing when run again on the same files", async () => {
    const before = { m: await members(), s: await services(), a: (await audits()).length };
    const report = await runImport(t.deps, {
      url: `${fed.url}/federation.properties`,
      dryRun: false,
      personId: null,
    });
    expect(report.entries.filter((e) => e.action === "created" || e.action === "updated")).toEqual([]);
    expect(await members()).toEqual(before.m);
    expect(await services()).toEqual(before.s);
    expect((await audits()).length).toBe(before.a);
  });

  it("keeps what a structure edited, updates what only the file changed, places software an admin mapped", async () => {
    await wholeDb(t.deps.db)
      .updateTable("members")
      .set({ website: "https://edited.example.org" })
      .where("slug", "=", "un")
      .execute();
    setFiles(fed.url, "Chaton Un Renommé");
    files.set(
      "/un.properties",
      (files.get("/un.properties") ?? "").replace("https://un.example.org\n", "https://new.example.org\n"),
    );
    await setSoftwareCategory(t.deps.db, {
      name: "Oddware",
      categoryId: "forum",
      personId: null,
      at: t.deps.now().toISOString(),
    });
    const report = await runImport(t.deps, {
      url: `${fed.url}/federation.properties`,
      dryRun: false,
      personId: null,
    });
    const un = report.entries.find((e) => e.kind === "member" && e.url.endsWith("/un.properties"));
    expect(un).toMatchObject({ action: "updated", fields: ["name"], kept: ["website"], reason: "edited" });
    const [, member] = await members();
    expect(member).toMatchObject({ name: "Chaton Un Renommé", website: "https://edited.example.org" });
    expect((await services()).map((s) => [s.name, s.category_id])).toEqual([
      ["Odd", "forum"],
      ["Pad", "pad"],
    ]);
  });

  it("exits with 1 when the federation file cannot be read", async () => {
    expect(await importCommand.run(t.deps, ["--federation", `${fed.url}/nowhere.properties`])).toBe(1);
  });
});

describe("which fields an import writes", () => {
  it("fills blanks, follows the file where the platform was not edited, keeps edits", () => {
    const file = { name: "New", website: "https://b.org", city: "Nantes" };
    const current = { name: "Old", website: "https://mine.org", city: null };
    const record = { name: "Old", website: "https://a.org" };
    expect(decide(file, current, record, false)).toEqual({
      write: { name: "New", city: "Nantes" },
      kept: ["website"],
    });
    expect(decide(file, current, record, true).kept).toEqual([]);
    expect(decide(file, current, undefined, false)).toEqual({
      write: { city: "Nantes" },
      kept: ["name", "website"],
    });
  });
});

describe("the import page", () => {
  it("lets a platform admin run a dry run and read its report, and no one else", async () => {
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const res = await client.submit("/fr/stats/import", "/fr/stats/import", {
      url: `${fed.url}/federation.properties`,
      dry_run: "1",
    });
    expect(res.status).toBe(303);
    let page = await client.get("/fr/stats/import");
    for (let i = 0; i < 50 && page.text.includes("Import en cours"); i++) {
      await new Promise((r) => setTimeout(r, 100));
      page = await client.get("/fr/stats/import");
    }
    expect(page.text).toContain("Rapport de l");
    expect(page.text).toContain("simulation");
    expect(page.text).toContain("Inchangé");
    const stranger = t.client();
    expect([401, 403]).toContain((await stranger.get("/fr/stats/import")).status);
    expect([401, 403]).toContain((await stranger.post("/fr/stats/import", { url: fed.url })).status);
  });
});
