import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../tests/helpers/factories.js";
import { kittenFromSeed, kittenSvg, parseAvatar } from "./kitten.js";
import { seedKittens } from "./kittens.demo.js";
import { wholeDb } from "../../db/adapter.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

describe("kitten images", () => {
  it("serves the same SVG for the same seed and options, with an ETag honoured", async () => {
    const a = await t.client().get("/kittens/framasoft.svg?ears=round&accessory=glasses");
    expect(a.status).toBe(200);
    expect(a.headers.get("content-type")).toContain("image/svg+xml");
    expect(a.headers.getSetCookie()).toEqual([]);
    expect(a.text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const b = await t.client().get("/kittens/framasoft.svg?ears=round&accessory=glasses");
    expect(b.text).toBe(a.text);
    const etag = a.headers.get("etag") ?? "";
    expect(
      (await t.client().get("/kittens/framasoft.svg?ears=round&accessory=glasses", { "if-none-match": etag }))
        .status,
    ).toBe(304);
    const plain = await t.client().get("/kittens/framasoft.svg");
    expect(plain.text).not.toBe(a.text);
    // Unknown values are ignored, never echoed.
    const odd = await t.client().get("/kittens/framasoft.svg?ears=%3Cscript%3E&fur=red");
    expect(odd.text).toBe(plain.text);
    expect((await t.client().get("/fr/kittens/framasoft.svg")).text).toBe(plain.text);
  });

  it("renders PNGs at the asked size and offers downloads under a readable name", async () => {
    const res = await fetch(`${t.url}/kittens/framasoft.png?size=512&download=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="chaton-framasoft.png"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(String.fromCharCode(...bytes.slice(1, 4))).toBe("PNG");
    const width = new DataView(bytes.buffer).getUint32(16);
    expect(width).toBe(512);
  });

  it("gives each member the kitten of its slug until its admins keep another one", async () => {
    const member = await makeMember(t.deps.db, { slug: "chaton-avatar", name: "Chaton Avatar" });
    const derived = await t.client().get("/members/chaton-avatar/avatar.svg");
    expect(derived.status).toBe(200);
    const expected = kittenSvg(
      kittenFromSeed("chaton-avatar"),
      t.config.collective.colours,
      "Avatar de Chaton Avatar",
    );
    expect(derived.text).toBe(expected);

    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const page = await client.get(
      "/fr/kittens?member=chaton-avatar&seed=chaton-avatar&ears=folded&accessory=scarf",
    );
    expect(page.text).toContain('src="/kittens/chaton-avatar.svg?');
    expect(page.text).toContain('action="/fr/kittens/keep"');
    const kept = await client.submit(
      "/fr/kittens?member=chaton-avatar&seed=chaton-avatar&ears=folded&accessory=scarf",
      "/fr/kittens/keep",
      {
        member: "chaton-avatar",
        seed: "chaton-avatar",
        ears: "folded",
        accessory: "scarf",
        action: "keep",
      },
    );
    expect(kept.status).toBe(303);
    const row = await wholeDb(t.deps.db)
      .selectFrom("members")
      .select("avatar")
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.avatar ?? "{}")).toMatchObject({
      seed: "chaton-avatar",
      options: { ears: "folded", accessory: "scarf" },
    });
    const after = await t.client().get("/members/chaton-avatar/avatar.svg");
    expect(after.text).not.toBe(derived.text);
    // The member page points at the new version.
    expect((await t.client().get("/fr/members/chaton-avatar")).text).toMatch(
      /src="\/members\/chaton-avatar\/avatar\.svg\?v=\w+"/,
    );
    const audit = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", member.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain("member.avatar.keep");
    const reset = await client.submit("/fr/kittens?member=chaton-avatar", "/fr/kittens/keep", {
      member: "chaton-avatar",
      action: "reset",
    });
    expect(reset.status).toBe(303);
    expect((await t.client().get("/members/chaton-avatar/avatar.svg")).text).toBe(derived.text);
  });

  it("does not name a candidate in its avatar, and has no avatar for unknown slugs", async () => {
    await makeMember(t.deps.db, {
      slug: "candidat-discret",
      name: "Candidat Discret",
      membership: "candidate",
    });
    const res = await t.client().get("/members/candidat-discret/avatar.svg");
    expect(res.status).toBe(200);
    expect(res.text).not.toContain("Candidat Discret");
    expect((await t.client().get("/members/personne/avatar.svg")).status).toBe(404);
  });
});

describe("kitten generator page", () => {
  it("works as a plain GET form: the preview follows the chosen options", async () => {
    const res = await t.client().get("/fr/kittens?seed=minou&ears=round&eyes=wink&fur=accent");
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<img src="\/kittens\/minou\.svg\?[^"]*ears=round/);
    expect(res.text).toContain('<input type="radio" name="ears" value="round" checked=""');
    expect(res.text).toContain('href="/kittens/minou.png?');
    // A new starting name starts a new kitten: the old settings are dropped.
    const renamed = await t.client().get("/fr/kittens?seed=grisou&was=minou&ears=round");
    const fresh = await t.client().get("/fr/kittens?seed=grisou");
    const preview = (html: string) => /<img src="(\/kittens\/grisou[^"]*)"/.exec(html)?.[1];
    expect(preview(renamed.text)).toBe(preview(fresh.text));
    expect(res.text).not.toContain('action="/fr/kittens/keep"');
  });
});

describe("demo", () => {
  it("gives a few demo structures a kept kitten, audited", async () => {
    const members = [];
    for (let i = 0; i < 10; i++) members.push(await makeMember(t.deps.db, { slug: `demo-kitten-${i}` }));
    const world = {
      sitesBaseUrl: "http://127.0.0.1:1",
      random: () => 0.5,
      members: members.map((m) => ({ id: m.id, slug: m.slug, name: m.name, website: "", services: [] })),
    };
    await seedKittens(t.deps, world);
    const rows = await wholeDb(t.deps.db)
      .selectFrom("members")
      .select(["slug", "avatar"])
      .where("slug", "like", "demo-kitten-%")
      .orderBy("slug")
      .execute();
    const kept = rows.filter((r) => r.avatar !== null);
    expect(kept.map((r) => r.slug)).toEqual(["demo-kitten-0", "demo-kitten-9"]);
    expect(parseAvatar(kept[0]?.avatar ?? null)?.options.background).toBe("cream");
  });
});
