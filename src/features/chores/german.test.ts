import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../tests/helpers/factories.js";
import * as repo from "./chores.repository.js";

describe("chores in German", () => {
  let t: TestPlatform;
  const now = new Date("2026-11-25T10:00:00Z");
  beforeAll(async () => {
    t = await startTestPlatform({ now: () => now });
    await repo.planTurns(t.deps.db, now);
  });
  afterAll(async () => {
    await t.stop();
  });

  async function signedIn(admin: boolean) {
    const member = await makeMember(t.deps.db);
    const person = await makePerson(t.deps.db, {
      admin,
      memberships: [{ memberId: member.id, role: "member" }],
    });
    const client = t.client();
    await client.login(person.email, person.password, "de");
    return client;
  }

  it("names the default chores in German on German pages, unmarked", async () => {
    const contact = (await repo.listChores(t.deps.db)).find((x) => x.slug === "contact");
    expect(contact?.titleDe).toBe("Die Kontaktadresse betreuen");
    const page = await (await signedIn(false)).get("/de/chores");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<span>Die Kontaktadresse betreuen</span>");
    expect(page.text).not.toContain(">Answer the contact address<");
  });

  it("takes a German title from the admin form, and marks the English when there is none", async () => {
    const admin = await signedIn(true);
    const fields = {
      title_fr: "Vérifier les sauvegardes",
      title_en: "Check the backups",
      description_fr: "Une fois par mois.",
      description_en: "Once a month.",
      recurrence: "monthly",
    };
    const withGerman = {
      ...fields,
      slug: "backups",
      title_de: "Die Sicherungen prüfen",
      description_de: "Einmal im Monat.",
    };
    expect((await admin.submit("/de/chores", "/de/chores", withGerman)).status).toBe(303);
    const withoutGerman = { ...fields, slug: "backups-en", title_fr: "Tester la restauration" };
    expect((await admin.submit("/de/chores", "/de/chores", withoutGerman)).status).toBe(303);
    const page = (await admin.get("/de/chores")).text;
    expect(page).toContain("<span>Die Sicherungen prüfen</span>");
    expect(page).toContain("<span>Einmal im Monat.</span>");
    expect(page).toContain('<span lang="en">Check the backups</span>');
    expect(page).toContain('<span lang="en">Once a month.</span>');
    const fr = (await admin.get("/fr/chores")).text;
    expect(fr).toContain("<span>Vérifier les sauvegardes</span>");
    expect(fr).not.toContain("Die Sicherungen prüfen");
  });
});
