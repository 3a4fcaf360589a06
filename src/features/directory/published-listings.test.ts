import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makeService } from "../../../tests/helpers/factories.js";
import { directoryFigures } from "./published-listings.js";
import { directoryVersion, invalidateDirectory, loadSnapshot, snapshotConfirmed } from "./finder/snapshot.js";
import { noticeAuditLogChange } from "../../audit/audit.js";
import { updateCategory } from "./services/categories.repository.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

describe("the directory's figures for the stats", () => {
  it("are computed once per version of the directory, and a write of any kind is seen at once", async () => {
    const first = await directoryFigures(t.deps.db);
    expect(await directoryFigures(t.deps.db)).toBe(first);
    // Straight to the tables, as another instance would: the version read from the database moves.
    const member = await makeMember(t.deps.db, { membership: "member" });
    await makeService(t.deps.db, member.id, { category_id: "pad" });
    const second = await directoryFigures(t.deps.db);
    expect(second).not.toBe(first);
    expect(second.counts.members).toBe(first.counts.members + 1);
    expect(second.counts.services).toBe(first.counts.services + 1);
    expect(second.categories.find((c) => c.id === "pad")?.services).toBe(
      (first.categories.find((c) => c.id === "pad")?.services ?? 0) + 1,
    );
    // A write through the directory (a category renamed, which the row counts do not show).
    invalidateDirectory();
    expect(await directoryFigures(t.deps.db)).not.toBe(second);
  });

  it("changes with a category edited by another instance or worker, which no row count shows", async () => {
    const before = await directoryVersion(t.deps.db);
    // Through the repository but without this process's invalidation, as another process writes.
    await updateCategory(t.deps.db, "pad", { name_en: "Pads, renamed elsewhere" });
    expect(await directoryVersion(t.deps.db)).not.toBe(before);
  });

  it("is not confirmed from another process's write noticed until its check ends, and not waited for", async () => {
    const known = await loadSnapshot(t.deps.db);
    expect(snapshotConfirmed(t.deps.db)).toBe(true);
    noticeAuditLogChange();
    // Pages made now would not be kept by the page cache; the known snapshot is served meanwhile.
    expect(snapshotConfirmed(t.deps.db)).toBe(false);
    expect(await loadSnapshot(t.deps.db)).toBe(known);
    const deadline = Date.now() + 5_000;
    while (!snapshotConfirmed(t.deps.db) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(snapshotConfirmed(t.deps.db)).toBe(true);
  });
});
