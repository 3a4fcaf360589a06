import type { Insertable } from "kysely";
import type { DB, WholeDb } from "../../src/db/adapter.js";
import { searchable } from "../../src/db/adapter.js";
import { newId, slugify } from "../../src/db/ids.js";
import type { MembersTable, ServicesTable } from "../../src/features/directory/directory.tables.js";
import type { MembershipRole } from "../../src/identity/identity.tables.js";
import { hashPassword } from "../../src/identity/passwords.js";
import { wholeDb } from "../../src/db/adapter.js";
import { invalidateDirectory } from "../../src/features/directory/finder/snapshot.js";

/** Builders of rows for tests: each gives sensible defaults and takes overrides. */

let counter = 0;
const next = () => ++counter;
export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | undefined;

export async function makeMember(db: DB | WholeDb, overrides: Partial<Insertable<MembersTable>> = {}) {
  const n = next();
  const name = overrides.name ?? `Chaton test ${n}`;
  const at = new Date().toISOString();
  const row: Insertable<MembersTable> = {
    id: newId(),
    slug: overrides.slug ?? `${slugify(name)}-${n}`,
    name,
    type: "association",
    description_fr: "Une structure de test.",
    description_en: "A test structure.",
    website: `https://member-${n}.example.org/`,
    contact_email: `contact@member-${n}.example.org`,
    contact_url: null,
    legal_url: null,
    tos_url: null,
    city: "Lyon",
    region: "Auvergne-Rhône-Alpes",
    country_code: "FR",
    latitude: 45.76,
    longitude: 4.83,
    joined_at: "2020-06-30",
    joined_round: "Portée n°8",
    membership: "member",
    status: "active",
    status_description: null,
    logo_url: null,
    avatar: null,
    social_links: "{}",
    funding_links: "{}",
    chatonsinfos_url: null,
    chatonsinfos_source_of_truth: 0,
    created_at: at,
    updated_at: at,
    archived_at: null,
    search_text: searchable(name, "Lyon"),
    ...overrides,
  };
  await wholeDb(db).insertInto("members").values(row).execute();
  // As the directory's own writes do: the platform read the directory before it listened.
  invalidateDirectory();
  return row;
}

export async function makeService(
  db: DB | WholeDb,
  memberId: string,
  overrides: Partial<Insertable<ServicesTable>> = {},
) {
  const n = next();
  const at = new Date().toISOString();
  const name = overrides.name ?? `Service ${n}`;
  const row: Insertable<ServicesTable> = {
    id: newId(),
    member_id: memberId,
    slug: `service-${n}`,
    name,
    description_fr: "",
    description_en: "",
    category_id: "pad",
    software_id: null,
    url: `https://pad-${n}.example.org/`,
    access: "none",
    registration_load: "open",
    price: "free",
    audience: '["everyone"]',
    languages: '["fr"]',
    host_country: "FR",
    status: "ok",
    start_date: "2021-01-01",
    chatonsinfos_url: null,
    created_at: at,
    updated_at: at,
    archived_at: null,
    search_text: searchable(name),
    ...overrides,
  };
  await wholeDb(db).insertInto("services").values(row).execute();
  invalidateDirectory();
  return row;
}

export async function makePerson(
  db: DB | WholeDb,
  options: {
    email?: string;
    name?: string;
    admin?: boolean;
    memberships?: { memberId: string; role: MembershipRole }[];
  } = {},
) {
  const n = next();
  const id = newId();
  const at = new Date().toISOString();
  const email = options.email ?? `person-${n}-${id.slice(0, 6)}@example.org`;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  await wholeDb(db)
    .insertInto("people")
    .values({
      id,
      email,
      name: options.name ?? `Person ${n}`,
      password_hash: await cachedHash,
      is_platform_admin: options.admin ? 1 : 0,
      locale: null,
      created_at: at,
      updated_at: at,
      last_login_at: null,
      disabled_at: null,
    })
    .execute();
  for (const m of options.memberships ?? []) {
    await wholeDb(db)
      .insertInto("memberships")
      .values({ person_id: id, member_id: m.memberId, role: m.role, created_at: at })
      .execute();
  }
  return { id, email, password: TEST_PASSWORD };
}
