import { randomBytes, randomUUID } from "node:crypto";
import type { Kysely, Migration } from "kysely";

// Frozen in time: the tables as they were on 2026-12-01, no import of the application's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

const normal = (url: string): string => {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url.trim();
  }
};

const plain = (...parts: (string | null)[]) =>
  parts
    .filter((p): p is string => !!p)
    .join(" ")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

const slugOf = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);

/** The software names of the portal's content checks on that day. */
const NAMES: Record<string, string> = {
  etherpad: "Etherpad",
  "jitsi-meet": "Jitsi Meet",
  framadate: "Framadate",
  ethercalc: "EtherCalc",
  lufi: "Lufi",
  psitransfer: "PsiTransfer",
  lutim: "Lutim",
  scrumblr: "Scrumblr",
  lstu: "LSTU",
  polr: "Polr",
  privatebin: "PrivateBin",
};

interface Ctx {
  db: AnyDB;
  at: string;
  software: Map<string, { id: string; name: string }>;
}

let sequence = 0;
async function note(ctx: Ctx, action: string, subject: { type: string; id: string }, data: object) {
  const id = `${Date.now().toString(16).padStart(12, "0")}${(sequence++ % 65536).toString(16).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
  await ctx.db
    .insertInto("audit_log")
    .values({
      id,
      at: ctx.at,
      actor_person_id: null,
      actor_member_id: null,
      action,
      subject_type: subject.type,
      subject_id: subject.id,
      data: JSON.stringify(data),
    })
    .execute();
}

async function softwareId(ctx: Ctx, slug: string): Promise<string> {
  const known = ctx.software.get(slug);
  if (known) return known.id;
  const row = { id: randomUUID(), slug, name: NAMES[slug] ?? slug, created_at: ctx.at };
  await ctx.db.insertInto("software").values(row).execute();
  ctx.software.set(slug, row);
  return row.id;
}

interface Instance {
  id: string;
  member_id: string;
  service_id: string;
  url: string;
  software: string;
  archived_at: string | null;
}

/** A directory service for an instance that had none: its structure offers it through the portal. */
async function createService(ctx: Ctx, i: Instance): Promise<string> {
  const portal = await ctx.db
    .selectFrom("entraide_services")
    .select(["category_id"])
    .where("id", "=", i.service_id)
    .executeTakeFirstOrThrow();
  const member = await ctx.db
    .selectFrom("members")
    .select(["name", "city", "region"])
    .where("id", "=", i.member_id)
    .executeTakeFirstOrThrow();
  const category = await ctx.db
    .selectFrom("categories")
    .select(["name_fr", "name_en"])
    .where("id", "=", portal.category_id)
    .executeTakeFirst();
  const taken = new Set<string>(
    (await ctx.db.selectFrom("services").select("slug").where("member_id", "=", i.member_id).execute()).map(
      (s: { slug: string }) => s.slug,
    ),
  );
  const name = NAMES[i.software] ?? i.software;
  const base = slugOf(name) || "service";
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const id = randomUUID();
  await ctx.db
    .insertInto("services")
    .values({
      id,
      member_id: i.member_id,
      slug,
      name,
      description_fr: "",
      description_en: "",
      category_id: portal.category_id,
      software_id: await softwareId(ctx, i.software),
      url: i.url,
      access: "none",
      registration_load: "open",
      price: "free",
      audience: '["everyone"]',
      languages: "[]",
      host_country: null,
      status: "ok",
      start_date: null,
      chatonsinfos_url: null,
      created_at: ctx.at,
      updated_at: ctx.at,
      archived_at: null,
      search_text: plain(
        name,
        name,
        category?.name_fr ?? null,
        category?.name_en ?? null,
        member.name,
        member.city,
        member.region,
      ),
    })
    .execute();
  await note(
    ctx,
    "entraide.migration.service_created",
    { type: "service", id },
    { instance: i.id, url: i.url },
  );
  return id;
}

/** The same member's service at the same address, a listed one first; fills its software if it had none. */
async function linkedService(ctx: Ctx, i: Instance): Promise<string | null> {
  const candidates: { id: string; url: string; software_id: string | null; archived_at: string | null }[] =
    await ctx.db
      .selectFrom("services")
      .select(["id", "url", "software_id", "archived_at"])
      .where("member_id", "=", i.member_id)
      .execute();
  const same = candidates
    .filter((s) => normal(s.url) === normal(i.url))
    .sort((a, b) => Number(a.archived_at !== null) - Number(b.archived_at !== null))[0];
  if (!same) return i.archived_at ? null : createService(ctx, i);
  const slug = [...ctx.software.entries()].find(([, s]) => s.id === same.software_id)?.[0];
  if (same.software_id === null) {
    await ctx.db
      .updateTable("services")
      .set({ software_id: await softwareId(ctx, i.software), updated_at: ctx.at })
      .where("id", "=", same.id)
      .execute();
    await note(
      ctx,
      "entraide.migration.software_set",
      { type: "service", id: same.id },
      { software: i.software },
    );
  } else if (slug !== i.software) {
    // The directory is the reference from now on; the checks will tell if its software is wrong.
    await note(
      ctx,
      "entraide.migration.software_differs",
      { type: "service", id: same.id },
      {
        instance: i.id,
        entraide: i.software,
        directory: slug ?? null,
      },
    );
  }
  return same.id;
}

export const directoryLinkMigrations: Record<string, Migration> = {
  "2026-12-01-0302-entraide-directory-services": {
    async up(db: AnyDB) {
      await db.schema
        .alterTable("entraide_instances")
        .addColumn("directory_service_id", "text", (c) => c.references("services.id").onDelete("cascade"))
        .execute();
      await db.schema.alterTable("entraide_instances").addColumn("judged_until", "text").execute();
      const software: { id: string; slug: string; name: string }[] = await db
        .selectFrom("software")
        .select(["id", "slug", "name"])
        .execute();
      const ctx: Ctx = {
        db,
        at: new Date().toISOString(),
        software: new Map(software.map((s) => [s.slug, s])),
      };
      const instances: Instance[] = await db
        .selectFrom("entraide_instances")
        .select(["id", "member_id", "service_id", "url", "software", "archived_at"])
        .orderBy("created_at")
        .execute();
      for (const i of instances) {
        const service = await linkedService(ctx, i);
        await db
          .updateTable("entraide_instances")
          .set({ directory_service_id: service, url: normal(i.url) })
          .where("id", "=", i.id)
          .execute();
      }
      await db.schema.alterTable("entraide_instances").renameColumn("url", "reviewed_url").execute();
      await db.schema.alterTable("entraide_instances").dropColumn("software").execute();
      await db.schema
        .createIndex("entraide_instances_directory_service")
        .on("entraide_instances")
        .column("directory_service_id")
        .execute();

      // Checks moved to the observation store (migration 0010); visitors stay here.
      await db.schema
        .createTable("entraide_visits")
        .addColumn("instance_id", "text", (c) =>
          c.notNull().references("entraide_instances.id").onDelete("cascade"),
        )
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("visits", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("entraide_visits_pk", ["instance_id", "day"])
        .execute();
      await db
        .insertInto("entraide_visits")
        .columns(["instance_id", "day", "visits"])
        .expression(
          db.selectFrom("entraide_daily").select(["instance_id", "day", "visits"]).where("visits", ">", 0),
        )
        .execute();
      await db.schema.dropTable("entraide_daily").execute();
    },
    async down(db: AnyDB) {
      await db.schema
        .createTable("entraide_daily")
        .addColumn("instance_id", "text", (c) =>
          c.notNull().references("entraide_instances.id").onDelete("cascade"),
        )
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("checks", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("checks_ok", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("ms_total", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("visits", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("entraide_daily_pk", ["instance_id", "day"])
        .execute();
      await db
        .insertInto("entraide_daily")
        .columns(["instance_id", "day", "visits"])
        .expression(db.selectFrom("entraide_visits").select(["instance_id", "day", "visits"]))
        .execute();
      await db.schema.dropTable("entraide_visits").execute();
      await db.schema.dropIndex("entraide_instances_directory_service").execute();
      await db.schema
        .alterTable("entraide_instances")
        .addColumn("software", "text", (c) => c.notNull().defaultTo("etherpad"))
        .execute();
      await db.schema.alterTable("entraide_instances").renameColumn("reviewed_url", "url").execute();
      await db.schema.alterTable("entraide_instances").dropColumn("judged_until").execute();
      await db.schema.alterTable("entraide_instances").dropColumn("directory_service_id").execute();
    },
  },
};
