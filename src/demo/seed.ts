import type { Insertable } from "kysely";
import type { Deps } from "../deps.js";
import { searchable } from "../db/adapter.js";
import { newId, slugify } from "../db/ids.js";
import type {
  MembersTable,
  ServicesTable,
  SoftwareTable,
  MemberType,
} from "../features/directory/directory.tables.js";
import { hashPassword } from "../identity/passwords.js";
import { audit } from "../audit/audit.js";
import {
  CITIES,
  DESCRIPTIONS_EN,
  DESCRIPTIONS_FR,
  ENTRAIDE_CATEGORIES,
  NAME_HEADS,
  NAME_TAILS,
  SOFTWARE,
  TYPE_WEIGHTS,
} from "./data.js";
import { pick, seededRandom, shuffle } from "./random.js";
import { loadWorld, type DemoWorld } from "./world.js";
import {
  categoryNames,
  directoryIsEmpty,
  insertDemoDirectory,
  type DemoDirectoryRows,
} from "../features/directory/demo.js";
import { insertPeople } from "../identity/identity.repository.js";
import type { Feature } from "../features/feature.js";
import { inTransaction } from "../db/adapter.js";

/** Every demo account uses this password; the login page shows it in demo mode. */
export const DEMO_PASSWORD = "chatons-demo-2026";
export const DEMO_ADMIN_EMAIL = "admin@demo.example";
export const DEMO_CANDIDATE_EMAIL = "candidate@demo.example";
export const DEMO_MEMBERS = 80;

const FIRST_ROUND = Date.UTC(2016, 9, 12);

function weighted<T>(random: () => number, entries: [T, number][]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error("empty weights");
  return last[0];
}

/** Application rounds ("portées") twice a year, June and December, counted from October 2016. */
const roundDecisionAt = (year: number, half: 0 | 1): number =>
  half === 0 ? Date.UTC(year, 5, 30) : Date.UTC(year, 11, 15);

/**
 * The round that admitted a structure joining at `date`: the first decided on or after it, but never
 * one still to come on `now` (a demo member cannot have joined in a round that has not closed yet),
 * nor within the last month, which belongs to the open round and its history.
 */
export function roundFor(date: Date, now: Date): { label: string; decided: string } {
  const latest = now.getTime() - 30 * 86_400_000;
  const year = date.getUTCFullYear();
  let decided =
    date.getTime() <= roundDecisionAt(year, 0)
      ? roundDecisionAt(year, 0)
      : date.getTime() <= roundDecisionAt(year, 1)
        ? roundDecisionAt(year, 1)
        : roundDecisionAt(year + 1, 0);
  while (decided > latest) {
    const d = new Date(decided);
    decided =
      d.getUTCMonth() === 11
        ? roundDecisionAt(d.getUTCFullYear(), 0)
        : roundDecisionAt(d.getUTCFullYear() - 1, 1);
  }
  const n = 1 + Math.round((decided - FIRST_ROUND) / (182.5 * 86_400_000));
  return { label: `Portée n°${n}`, decided: new Date(decided).toISOString().slice(0, 10) };
}

type Built = DemoDirectoryRows;

/**
 * The demo directory's rows; `factor` makes a collective that many times larger (bench/scale.ts),
 * in time linear in its size: every lookup in the loop below is a Map or a short constant list.
 */
export function buildDemoDirectory(
  random: () => number,
  sitesBaseUrl: string,
  categoryNames: Map<string, string>,
  now: Date,
  factor = 1,
): Built {
  const at = now.toISOString();
  const software: Insertable<SoftwareTable>[] = SOFTWARE.map((s) => ({
    id: newId(),
    slug: s.slug,
    name: s.name,
    license: s.license,
    source_url: s.source,
    website: s.website,
    created_at: at,
  }));
  const softwareId = new Map(software.map((s) => [s.slug, s.id]));
  const softwareBySlug = new Map(SOFTWARE.map((s) => [s.slug, s]));
  const byCategory = new Map<string, string[]>();
  for (const s of SOFTWARE)
    for (const c of s.categories) {
      const list = byCategory.get(c) ?? [];
      list.push(s.slug);
      byCategory.set(c, list);
    }
  const allCategories = [...categoryNames.keys()].filter((k) => !/^(en|de):/.test(k));

  const names = shuffle(
    random,
    NAME_HEADS.flatMap((h) => NAME_TAILS.map((t) => `${h} ${t}`)),
  );
  const members: Insertable<MembersTable>[] = [];
  const services: Insertable<ServicesTable>[] = [];
  const listed = DEMO_MEMBERS * factor;
  const total = listed + 5;
  for (let i = 0; i < total; i++) {
    // Past the 200 names, the same names again with a number: slugs stay unique.
    const name = names[i] ?? `${names[i % names.length] ?? "Chaton"} ${Math.floor(i / names.length) + 1}`;
    const slug = slugify(name);
    const city = pick(random, CITIES);
    const type: MemberType = weighted(random, TYPE_WEIGHTS);
    // Five structures are not members: three candidates of the open round, two former members.
    const membership = i < listed ? "member" : i < listed + 3 ? "candidate" : "former";
    const joined = new Date(FIRST_ROUND + random() * (now.getTime() - FIRST_ROUND - 150 * 86_400_000));
    const round = roundFor(joined, now);
    const site = `${sitesBaseUrl}/${slug}/`;
    const publishesInfos = membership !== "candidate" && random() < 0.75;
    const descriptionIndex = Math.floor(random() * DESCRIPTIONS_FR.length);
    const memberId = newId();
    const status =
      membership === "former"
        ? "away"
        : weighted(random, [
            ["active", 86],
            ["idle", 10],
            ["away", 4],
          ] as const);
    members.push({
      id: memberId,
      slug,
      name,
      type,
      description_fr: DESCRIPTIONS_FR[descriptionIndex] ?? "",
      description_en: DESCRIPTIONS_EN[descriptionIndex] ?? "",
      website: site,
      contact_email: `contact@${slug}.example.org`,
      contact_url: `${site}contact`,
      legal_url: `${site}mentions-legales`,
      tos_url: `${site}cgu`,
      city: city.city,
      region: city.region,
      country_code: city.country,
      latitude: Math.round((city.lat + (random() - 0.5) * 0.12) * 1e5) / 1e5,
      longitude: Math.round((city.lon + (random() - 0.5) * 0.16) * 1e5) / 1e5,
      joined_at: membership === "candidate" ? null : round.decided,
      joined_round: membership === "candidate" ? null : round.label,
      membership,
      status,
      status_description: status === "idle" ? "Pause hivernale des bénévoles." : null,
      logo_url: null,
      avatar: null,
      social_links: JSON.stringify(
        random() < 0.5 ? { mastodon: `https://social.${slug}.example.org/@${slug}` } : {},
      ),
      funding_links: JSON.stringify(random() < 0.4 ? { custom: `https://dons.${slug}.example.org/` } : {}),
      chatonsinfos_url: publishesInfos ? `${site}.well-known/chatonsinfos/${slug}.properties` : null,
      chatonsinfos_source_of_truth: 0,
      created_at: at,
      updated_at: at,
      archived_at: null,
      search_text: searchable(
        name,
        city.city,
        city.region,
        DESCRIPTIONS_FR[descriptionIndex],
        DESCRIPTIONS_EN[descriptionIndex],
      ),
    });

    const count = membership === "candidate" ? 2 + Math.floor(random() * 3) : 3 + Math.floor(random() * 10);
    const wanted = new Set<string>();
    // Half of the members volunteer everyday no-account services: the entraide portal needs them.
    if (i % 2 === 0)
      for (const c of shuffle(random, ENTRAIDE_CATEGORIES).slice(0, 2 + Math.floor(random() * 3)))
        wanted.add(c);
    while (wanted.size < count) wanted.add(pick(random, allCategories));
    for (const categoryId of wanted) {
      const candidates = byCategory.get(categoryId) ?? [];
      const softwareSlug = candidates.length ? pick(random, candidates) : null;
      const sw = softwareSlug ? softwareBySlug.get(softwareSlug) : undefined;
      const serviceSlug = categoryId;
      const isEntraide = ENTRAIDE_CATEGORIES.includes(categoryId);
      const access = isEntraide
        ? weighted(random, [
            ["none", 85],
            ["open", 15],
          ] as const)
        : categoryId === "email"
          ? weighted(random, [
              ["members", 60],
              ["clients", 40],
            ] as const)
          : weighted(random, [
              ["none", 15],
              ["open", 40],
              ["members", 33],
              ["clients", 12],
            ] as const);
      const price =
        access === "clients"
          ? "paid"
          : access === "none"
            ? "free"
            : weighted(random, [
                ["free", 55],
                ["pwyw", 35],
                ["paid", 10],
              ] as const);
      const languages = weighted(random, [
        [["fr"], 78],
        [["fr", "en"], 16],
        [["fr", "de"], 3],
        [["en"], 3],
      ] as const);
      const audience = weighted(random, [
        [["everyone"], 55],
        [["associations"], 15],
        [["individuals", "associations"], 12],
        [["businesses"], 8],
        [["schools", "public-bodies"], 10],
      ] as const);
      // Services opened around the joining date, none after the demo's today.
      const start = new Date(
        Math.min(
          Math.max(joined.getTime() - 200 * 86_400_000, FIRST_ROUND) + random() * 400 * 86_400_000,
          now.getTime() - 86_400_000,
        ),
      );
      const serviceName = sw ? sw.name : (categoryNames.get(categoryId) ?? categoryId);
      services.push({
        id: newId(),
        member_id: memberId,
        slug: serviceSlug,
        name: serviceName,
        // "un service proposé": the category's own gender never has to agree ("Galeries photo").
        description_fr: `${categoryNames.get(categoryId) ?? categoryId} : un service proposé par ${name}.`,
        description_en: `${categoryNames.get(`en:${categoryId}`) ?? categoryId}: a service offered by ${name}.`,
        category_id: categoryId,
        software_id: softwareSlug ? (softwareId.get(softwareSlug) ?? null) : null,
        url: `${site}${serviceSlug}/`,
        access,
        registration_load:
          access === "none"
            ? "open"
            : weighted(random, [
                ["open", 85],
                ["full", 15],
              ] as const),
        price,
        audience: JSON.stringify(audience),
        languages: JSON.stringify(languages),
        host_country: random() < 0.9 ? city.country : "DE",
        status: weighted(random, [
          ["ok", 92],
          ["maintenance", 4],
          ["down", 2],
          ["off", 2],
        ] as const),
        start_date: start.toISOString().slice(0, 10),
        chatonsinfos_url: publishesInfos ? `${site}.well-known/chatonsinfos/${serviceSlug}.properties` : null,
        created_at: at,
        updated_at: at,
        archived_at: null,
        search_text: searchable(
          serviceName,
          sw?.name,
          categoryNames.get(categoryId),
          categoryNames.get(`en:${categoryId}`),
          categoryNames.get(`de:${categoryId}`),
          name,
          city.city,
        ),
      });
    }
  }
  return { members, services, software };
}

/**
 * Loads the demo collective into an empty database, then lets every feature add its part
 * (ChatonsInfos history, portal instances, an open application round…). Does nothing if the
 * directory already has members, so restarting the demo keeps what visitors changed.
 */
export async function seedDemo(
  deps: Deps,
  sitesBaseUrl: string,
  features: Feature[],
): Promise<DemoWorld | null> {
  const { db } = deps;
  if (!(await directoryIsEmpty(db))) return null;
  const random = seededRandom(2016);
  const categories = await categoryNames(db);
  const built = buildDemoDirectory(random, sitesBaseUrl, categories, deps.now());
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = deps.now().toISOString();
  await inTransaction(db, async (trx) => {
    await insertDemoDirectory(trx, built);
    const person = (email: string, name: string, admin: boolean) => ({
      id: newId(),
      email,
      name,
      password_hash: passwordHash,
      is_platform_admin: admin ? 1 : 0,
      locale: null,
      created_at: at,
      updated_at: at,
      last_login_at: null,
      disabled_at: null,
    });
    const admin = person(DEMO_ADMIN_EMAIL, "Camille (admin démo)", true);
    const people = [admin];
    const memberships: {
      person_id: string;
      member_id: string;
      role: "admin" | "member";
      created_at: string;
    }[] = [];
    built.members.slice(0, 12).forEach((m, index) => {
      const p = person(`admin@${m.slug}.example.org`, `Admin ${m.name}`, false);
      people.push(p);
      memberships.push({ person_id: p.id, member_id: m.id, role: "admin", created_at: at });
      if (index < 4) {
        const q = person(`membre@${m.slug}.example.org`, `Membre ${m.name}`, false);
        people.push(q);
        memberships.push({ person_id: q.id, member_id: m.id, role: "member", created_at: at });
      }
    });
    const candidate = built.members.find((m) => m.membership === "candidate");
    if (candidate) {
      const p = person(DEMO_CANDIDATE_EMAIL, `Candidature ${candidate.name}`, false);
      people.push(p);
      memberships.push({ person_id: p.id, member_id: candidate.id, role: "admin", created_at: at });
    }
    await insertPeople(trx, people, memberships);
    await audit(trx, {
      actor: null,
      action: "demo.seed",
      subject: { type: "platform", id: null },
      data: { members: built.members.length, services: built.services.length, people: people.length },
    });
  });
  const world = await loadWorld(db, sitesBaseUrl, random);
  for (const feature of features) {
    if (feature.seedDemo) await feature.seedDemo(deps, world);
  }
  deps.log.info({ members: built.members.length, services: built.services.length }, "demo collective loaded");
  return world;
}
