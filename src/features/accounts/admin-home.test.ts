import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from "../../demo/seed.js";
import { translator } from "../../i18n/index.js";
import { adminTodo } from "./admin-home.views.js";
import { wholeDb } from "../../db/adapter.js";

const fr = translator("fr");

/** The admin home lists what waits, from what the owning features publish, on the demo collective. */
describe("the admin home", () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ demo: true });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it("counts the applications to review, chores with nobody, the last crawl, instances and unsent mails", async () => {
    const { db } = t.deps;
    const todo = await adminTodo(t.deps);
    const reviewable = await wholeDb(db)
      .selectFrom("applications")
      .select("id")
      .where("status", "in", ["submitted", "voting"])
      .execute();
    expect(todo.applications).toBe(reviewable.length);
    expect(todo.applications).toBeGreaterThan(0);
    const unsent = await wholeDb(db)
      .selectFrom("mail_outbox")
      .select("id")
      .where("status", "!=", "sent")
      .execute();
    expect(todo.unsentMails).toBe(unsent.length);
    expect(todo.choresWithNobody).toBeGreaterThanOrEqual(0);
    expect(todo.instances.down).toBeGreaterThanOrEqual(0);

    const client = t.client();
    await client.login(DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    const res = await client.get("/fr/admin");
    expect(res.status).toBe(200);
    expect(res.text).toContain(fr.plural("admin.home.applications", todo.applications));
    expect(res.text).toContain('href="/fr/rounds"');
    expect(res.text).toContain(fr.plural("admin.home.mails", todo.unsentMails));
  });

  it("is for platform admins only", async () => {
    expect((await t.client().get("/fr/admin")).status).toBe(401);
  });
});
