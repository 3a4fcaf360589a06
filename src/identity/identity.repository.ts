import { toCount, type DB } from "../db/adapter.js";
import { nowIso } from "../db/ids.js";
import type { Insertable } from "kysely";
import type { Locale } from "../i18n/locales.js";
import {
  identityDb,
  type MembershipRole,
  type MembershipsTable,
  type PeopleTable,
} from "./identity.tables.js";

/**
 * What identity publishes: people as domain values, and who acts for which member structure.
 * Features never query `people` or `memberships` themselves.
 */

export interface Person {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  isPlatformAdmin: boolean;
  disabled: boolean;
}

export interface Membership {
  personId: string;
  memberId: string;
  role: MembershipRole;
}

/** A person as someone to write to about a structure. */
export interface StructurePerson extends Person {
  role: MembershipRole;
}

const personColumns = ["id", "email", "name", "locale", "is_platform_admin", "disabled_at"] as const;

function toPerson(row: {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  is_platform_admin: number;
  disabled_at: string | null;
}): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    isPlatformAdmin: row.is_platform_admin === 1,
    disabled: row.disabled_at !== null,
  };
}

export async function personById(db: DB, id: string): Promise<Person | undefined> {
  const row = await identityDb(db)
    .selectFrom("people")
    .select(personColumns)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toPerson(row) : undefined;
}

export async function personByEmail(db: DB, email: string): Promise<Person | undefined> {
  const row = await identityDb(db)
    .selectFrom("people")
    .select(personColumns)
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
  return row ? toPerson(row) : undefined;
}

/** People by id, disabled ones included (a message keeps its author's name). */
export async function peopleByIds(db: DB, ids: readonly string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, Person>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await identityDb(db)
      .selectFrom("people")
      .select(personColumns)
      .where("id", "in", unique.slice(i, i + 500))
      .execute();
    for (const row of rows) out.set(row.id, toPerson(row));
  }
  return out;
}

/** The platform admins who may sign in: the collective's coordinators, to write to. */
export async function platformAdmins(db: DB): Promise<Person[]> {
  const rows = await identityDb(db)
    .selectFrom("people")
    .select(personColumns)
    .where("is_platform_admin", "=", 1)
    .where("disabled_at", "is", null)
    .orderBy("email")
    .execute();
  return rows.map(toPerson);
}

/** The structures a person acts for, with their role. */
export async function membershipsOfPerson(db: DB, personId: string): Promise<Membership[]> {
  const rows = await identityDb(db)
    .selectFrom("memberships")
    .select(["person_id", "member_id", "role"])
    .where("person_id", "=", personId)
    .execute();
  return rows.map((r) => ({ personId: r.person_id, memberId: r.member_id, role: r.role }));
}

/** Every membership link (the people admin page lists them all). */
export async function allMemberships(db: DB): Promise<Membership[]> {
  const rows = await identityDb(db)
    .selectFrom("memberships")
    .select(["person_id", "member_id", "role"])
    .execute();
  return rows.map((r) => ({ personId: r.person_id, memberId: r.member_id, role: r.role }));
}

/** The role a person holds in a structure, if any. */
export async function roleIn(
  db: DB,
  personId: string,
  memberId: string,
): Promise<MembershipRole | undefined> {
  const row = await identityDb(db)
    .selectFrom("memberships")
    .select("role")
    .where("person_id", "=", personId)
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return row?.role;
}

/** The people of a structure, by name; disabled accounts left out unless asked. */
export async function peopleOfMember(
  db: DB,
  memberId: string,
  options: { includeDisabled?: boolean } = {},
): Promise<StructurePerson[]> {
  let query = identityDb(db)
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .select([
      "people.id",
      "people.email",
      "people.name",
      "people.locale",
      "people.is_platform_admin",
      "people.disabled_at",
      "memberships.role",
    ])
    .where("memberships.member_id", "=", memberId)
    .orderBy("people.name");
  if (!options.includeDisabled) query = query.where("people.disabled_at", "is", null);
  const rows = await query.execute();
  return rows.map((r) => ({ ...toPerson(r), role: r.role }));
}

/** Everyone who acts for at least one of these structures, once each (mail recipients). */
export async function peopleOfMembers(db: DB, memberIds: readonly string[]): Promise<Person[]> {
  const unique = [...new Set(memberIds)];
  const seen = new Map<string, Person>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await identityDb(db)
      .selectFrom("memberships")
      .innerJoin("people", "people.id", "memberships.person_id")
      .select([
        "people.id",
        "people.email",
        "people.name",
        "people.locale",
        "people.is_platform_admin",
        "people.disabled_at",
      ])
      .where("memberships.member_id", "in", unique.slice(i, i + 500))
      .where("people.disabled_at", "is", null)
      .execute();
    for (const row of rows) seen.set(row.id, toPerson(row));
  }
  return [...seen.values()].sort((a, b) => a.email.localeCompare(b.email));
}

/** Adds a person to a structure, or raises their role; an invitation never demotes an admin. */
export async function addMembership(
  db: DB,
  link: { personId: string; memberId: string; role: MembershipRole },
  at = nowIso(),
): Promise<void> {
  const current = await roleIn(db, link.personId, link.memberId);
  if (current) {
    if (current !== "admin" && link.role === "admin")
      await identityDb(db)
        .updateTable("memberships")
        .set({ role: "admin" })
        .where("person_id", "=", link.personId)
        .where("member_id", "=", link.memberId)
        .execute();
    return;
  }
  await identityDb(db)
    .insertInto("memberships")
    .values({ person_id: link.personId, member_id: link.memberId, role: link.role, created_at: at })
    .execute();
}

/** Sets a person's role in a structure exactly (a platform admin's choice may demote). */
export async function setMembership(
  db: DB,
  link: { personId: string; memberId: string; role: MembershipRole },
): Promise<void> {
  await identityDb(db)
    .insertInto("memberships")
    .values({ person_id: link.personId, member_id: link.memberId, role: link.role, created_at: nowIso() })
    .onConflict((oc) => oc.columns(["person_id", "member_id"]).doUpdateSet({ role: link.role }))
    .execute();
}

/** Bulk creation of people with their memberships (the demo collective). */
export async function insertPeople(
  db: DB,
  people: Insertable<PeopleTable>[],
  memberships: Insertable<MembershipsTable>[],
): Promise<void> {
  for (let i = 0; i < people.length; i += 100)
    await identityDb(db)
      .insertInto("people")
      .values(people.slice(i, i + 100))
      .execute();
  for (let i = 0; i < memberships.length; i += 200)
    await identityDb(db)
      .insertInto("memberships")
      .values(memberships.slice(i, i + 200))
      .execute();
}

export async function setPlatformAdmin(db: DB, personId: string, admin: boolean): Promise<void> {
  await identityDb(db)
    .updateTable("people")
    .set({ is_platform_admin: admin ? 1 : 0, updated_at: nowIso() })
    .where("id", "=", personId)
    .execute();
}

/** What identity holds about a person, for their export (no password hash, no session token). */
export async function personExportData(db: DB, personId: string) {
  const own = identityDb(db);
  const person = await own
    .selectFrom("people")
    .select([
      "id",
      "email",
      "name",
      "is_platform_admin",
      "locale",
      "created_at",
      "updated_at",
      "last_login_at",
      "disabled_at",
    ])
    .where("id", "=", personId)
    .executeTakeFirstOrThrow();
  const memberships = await own
    .selectFrom("memberships")
    .select(["member_id", "role", "created_at"])
    .where("person_id", "=", personId)
    .execute();
  const sessions = await own
    .selectFrom("sessions")
    .select(["created_at", "last_seen_at", "expires_at"])
    .where("person_id", "=", personId)
    .execute();
  return { person: { ...person, is_platform_admin: person.is_platform_admin === 1 }, memberships, sessions };
}

/** The people of a structure with their role and since when, for the structure's export. */
export async function memberPeopleExport(db: DB, memberId: string) {
  return identityDb(db)
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .select(["people.name", "people.email", "memberships.role", "memberships.created_at"])
    .where("memberships.member_id", "=", memberId)
    .execute();
}

/** Platform admins whose accounts still work (the last one may not delete itself). */
export async function countActivePlatformAdmins(db: DB): Promise<number> {
  const row = await identityDb(db)
    .selectFrom("people")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("is_platform_admin", "=", 1)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return toCount(row?.n);
}

/** Deletes a person; their sessions, links and memberships go with them (foreign keys cascade). */
export async function deletePerson(db: DB, personId: string): Promise<void> {
  await identityDb(db).deleteFrom("people").where("id", "=", personId).execute();
}
