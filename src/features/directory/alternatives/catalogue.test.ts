import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../tests/helpers/db.js";
import { compact } from "../fuzzy.js";
import { SHIPPED_CATALOGUE } from "./catalogue.js";

/** The shipped catalogue is data people read: every entry complete, every category real. */

let db: TestDatabase;
let categories: Set<string>;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: true });
  categories = new Set((await db.handle.db.selectFrom("categories").select("id").execute()).map((r) => r.id));
});
afterAll(async () => {
  await db.drop();
});

describe("the shipped catalogue of proprietary services", () => {
  it("has at least 60 entries with unique ids and names", () => {
    expect(SHIPPED_CATALOGUE.length).toBeGreaterThanOrEqual(60);
    const ids = SHIPPED_CATALOGUE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("describes every entry in French, English and German, in one line", () => {
    for (const e of SHIPPED_CATALOGUE)
      for (const text of [e.fr, e.en, e.de]) {
        expect(text.trim(), `${e.id}`).not.toBe("");
        expect(text.length, `${e.id}`).toBeLessThanOrEqual(200);
        expect(text, `${e.id}`).not.toContain("\n");
      }
  });

  it("points only to categories the platform has, and names software by slug", () => {
    for (const e of SHIPPED_CATALOGUE) {
      expect(e.categories.length, e.id).toBeGreaterThan(0);
      for (const cat of e.categories) expect(categories.has(cat), `${e.id}: ${cat}`).toBe(true);
      for (const slug of e.software) expect(slug, e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(e.vendor.trim(), e.id).not.toBe("");
    }
  });

  it("never gives two entries the same name or alias", () => {
    const owner = new Map<string, string>();
    for (const e of SHIPPED_CATALOGUE)
      for (const name of [e.name, ...e.aliases]) {
        const key = compact(name);
        expect(owner.get(key) ?? e.id, `${name} is both ${owner.get(key)} and ${e.id}`).toBe(e.id);
        owner.set(key, e.id);
      }
  });

  it("covers the everyday services people leave", () => {
    const names = new Set(SHIPPED_CATALOGUE.map((e) => e.id));
    for (const id of [
      "google-docs",
      "google-sheets",
      "google-slides",
      "google-drive",
      "gmail",
      "google-calendar",
      "google-contacts",
      "google-forms",
      "doodle",
      "whatsapp",
      "slack",
      "messenger",
      "discord",
      "telegram",
      "zoom",
      "google-meet",
      "microsoft-teams",
      "skype",
      "facebook",
      "instagram",
      "x-twitter",
      "linkedin",
      "tiktok",
      "youtube",
      "vimeo",
      "google-photos",
      "flickr",
      "google-maps",
      "bitly",
      "pastebin",
      "wetransfer",
      "evernote",
      "google-keep",
      "onenote",
      "lastpass",
      "1password",
      "feedly",
      "google-search",
      "bing",
      "github",
      "gitlab-com",
      "trello",
      "asana",
      "notion",
      "miro",
      "mindmeister",
      "lucidchart",
      "wordpress-com",
      "wix",
      "blogger",
      "mailchimp",
      "google-groups",
      "reddit",
      "meetup",
      "eventbrite",
      "soundcloud",
      "google-analytics",
      "google-translate",
      "deepl",
      "dropbox",
    ])
      expect(names.has(id), id).toBe(true);
  });
});
