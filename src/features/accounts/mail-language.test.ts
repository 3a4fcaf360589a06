import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { wholeDb } from "../../db/adapter.js";

/**
 * The language of a person's mails: the one they signed up in, then the one they choose on their
 * account page (or the platform's default). Mails read it from the person (contact desk, chores,
 * applications, mediation, entraide).
 */

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

const localeOf = async (email: string) =>
  (
    await wholeDb(t.deps.db)
      .selectFrom("people")
      .select("locale")
      .where("email", "=", email)
      .executeTakeFirstOrThrow()
  ).locale;

describe("the language of a person's mails", () => {
  it("is the sign-up's language, then the one chosen on the account page", async () => {
    const client = t.client();
    const asked = await client.submit("/de/signup", "/de/signup", {
      name: "Kim",
      email: "kim@example.org",
      password: "ein ziemlich langer Satz",
      confirm: "ein ziemlich langer Satz",
    });
    expect(asked.status).toBe(200);
    const mail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .select("text_body")
      .where("to_address", "=", "kim@example.org")
      .executeTakeFirstOrThrow();
    const link = /http:\/\/\S+\/de\/signup\/confirm\/[A-Za-z0-9_-]+/.exec(mail.text_body)?.[0] ?? "";
    const path = new URL(link).pathname;
    expect((await client.submit(path, path, {})).status).toBe(303);
    expect(await localeOf("kim@example.org")).toBe("de");

    const page = await client.get("/en/account");
    expect(page.text).toMatch(/<option value="de" selected="">German<\/option>/);
    const wrong = await client.submit("/en/account", "/en/account/profile", { name: "Kim", locale: "xx" });
    expect(wrong.status).toBe(422);
    expect(await localeOf("kim@example.org")).toBe("de");

    expect(
      (await client.submit("/en/account", "/en/account/profile", { name: "Kim", locale: "en" })).status,
    ).toBe(303);
    expect(await localeOf("kim@example.org")).toBe("en");
    expect(
      (await client.submit("/en/account", "/en/account/profile", { name: "Kim", locale: "" })).status,
    ).toBe(303);
    expect(await localeOf("kim@example.org")).toBeNull();
  });
});
