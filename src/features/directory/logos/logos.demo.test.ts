import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { wholeDb } from "../../../db/adapter.js";

describe("demo logos", () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ demo: true });
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  it("some demo members publish a logo on loopback; the job fetches the PNGs and refuses the SVG", async () => {
    const { db } = t.deps;
    const published = await wholeDb(db)
      .selectFrom("members")
      .select(["id", "slug", "logo_url", "membership"])
      .where("logo_url", "is not", null)
      .execute();
    expect(published.length).toBeGreaterThanOrEqual(5);
    expect(published.every((m) => m.logo_url?.startsWith(t.platform.demoSites?.url ?? "-"))).toBe(true);

    expect(await t.deps.jobs.runNow("directory.logos")).toMatch(/ 1 refused/);
    const rows = await wholeDb(db).selectFrom("member_logos").selectAll().execute();
    expect(rows).toHaveLength(published.length);
    expect(rows.filter((r) => r.error === "svg")).toHaveLength(1);
    const stored = rows.filter((r) => r.content_type === "image/png");
    expect(stored).toHaveLength(published.length - 1);

    const listed = published.find(
      (m) => m.membership === "member" && stored.some((r) => r.member_id === m.id),
    );
    expect(listed).toBeDefined();
    const page = await t.client().get(`/en/members/${listed?.slug ?? ""}`);
    expect(page.text).toContain(`src="/members/${listed?.slug ?? ""}/logo?v=`);
    const api = await t.client().get("/api/members?per_page=200");
    expect(api.text).toContain(`/members/${listed?.slug ?? ""}/logo?v=`);
  });
});
