import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { GERMAN_CATEGORY_NAMES } from "./category-names.de.js";
import { wholeDb } from "../../../db/adapter.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

describe("category names in German", () => {
  it("exist for every category the platform ships, and the finder shows them", async () => {
    const shipped = await wholeDb(t.deps.db).selectFrom("categories").select("id").execute();
    expect(shipped.length).toBeGreaterThan(20);
    expect(shipped.filter((c) => !GERMAN_CATEGORY_NAMES[c.id]).map((c) => c.id)).toEqual([]);
    const page = await t.client().get("/de/services");
    expect(page.status).toBe(200);
    expect(page.text).toContain(GERMAN_CATEGORY_NAMES.pad);
    expect(page.text).not.toContain("Collaborative writing (pad)");
  });
});
