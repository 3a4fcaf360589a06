import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./helpers/platform.js";
import { toCount } from "../src/db/adapter.js";
import { DEMO_MEMBERS } from "../src/demo/seed.js";
import { wholeDb } from "../src/db/adapter.js";

describe("the demo collective", () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ demo: true });
  });
  afterAll(async () => {
    await t.stop();
  });

  it("loads about 80 members of every type and 500+ services in every category", async () => {
    const { db } = t.deps;
    const members = await wholeDb(db).selectFrom("members").select(["type", "membership"]).execute();
    expect(members.filter((m) => m.membership === "member")).toHaveLength(DEMO_MEMBERS);
    expect(new Set(members.map((m) => m.type)).size).toBe(7);
    const services = await wholeDb(db)
      .selectFrom("services")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(toCount(services.n)).toBeGreaterThanOrEqual(500);
    const used = await wholeDb(db).selectFrom("services").select("category_id").distinct().execute();
    const all = await wholeDb(db).selectFrom("categories").select("id").execute();
    expect(used.length).toBe(all.length);
  });

  it("serves the demo members' sites on loopback, labelled as demo", async () => {
    const sites = t.platform.demoSites;
    expect(sites).toBeDefined();
    const member = await wholeDb(t.deps.db)
      .selectFrom("members")
      .select(["slug", "website"])
      .where("membership", "=", "member")
      .executeTakeFirstOrThrow();
    expect(member.website?.startsWith(sites?.url ?? "-")).toBe(true);
    const res = await fetch(member.website ?? "");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("DÉMO");
  });

  it("labels every page of the platform as a demo", async () => {
    const res = await t.client().get("/en");
    expect(res.text).toContain('class="demo-banner"');
  });
});
