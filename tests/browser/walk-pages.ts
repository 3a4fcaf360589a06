import type { Deps } from "../../src/deps.js";
import { DEMO_ADMIN_EMAIL, DEMO_CANDIDATE_EMAIL } from "../../src/demo/seed.js";
import { wholeDb } from "../../src/db/adapter.js";

export interface SignedInWalk {
  email: string;
  paths: string[];
}

/**
 * The pages seen once signed in, grouped by the demo person who can see them: a candidate, the
 * administrator of a member structure, and the platform administrator.
 */
export async function signedInWalks(deps: Deps): Promise<SignedInWalk[]> {
  const { db } = deps;
  const structureAdmin = await wholeDb(db)
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .innerJoin("members", "members.id", "memberships.member_id")
    .select(["people.email", "members.slug"])
    .where("memberships.role", "=", "admin")
    .where("members.membership", "=", "member")
    .where("people.email", "not in", [DEMO_ADMIN_EMAIL, DEMO_CANDIDATE_EMAIL])
    .orderBy("people.email")
    .executeTakeFirstOrThrow();
  const application = await wholeDb(db)
    .selectFrom("applications")
    .innerJoin("memberships", "memberships.member_id", "applications.member_id")
    .innerJoin("people", "people.id", "memberships.person_id")
    .select("applications.id")
    .where("people.email", "=", DEMO_CANDIDATE_EMAIL)
    .executeTakeFirstOrThrow();
  const file = await wholeDb(db).selectFrom("stats_files").select("id").orderBy("id").executeTakeFirst();
  const run = await wholeDb(db).selectFrom("stats_crawl_runs").select("id").orderBy("id").executeTakeFirst();
  const slug = structureAdmin.slug;
  return [
    {
      email: DEMO_CANDIDATE_EMAIL,
      paths: [
        "/fr/account",
        "/fr/dashboard",
        "/fr/apply",
        `/fr/applications/${application.id}`,
        `/fr/applications/${application.id}/history`,
      ],
    },
    {
      email: structureAdmin.email,
      paths: [
        "/fr/account",
        "/fr/dashboard",
        `/fr/dashboard/${slug}`,
        `/fr/dashboard/${slug}/history`,
        `/fr/members/${slug}/edit`,
        `/fr/members/${slug}/services/new`,
        "/fr/members/new",
        "/fr/chores",
        "/fr/calendar",
      ],
    },
    {
      email: DEMO_ADMIN_EMAIL,
      paths: [
        "/fr/admin",
        "/fr/admin/people",
        "/fr/admin/jobs",
        "/fr/admin/outbox",
        "/fr/admin/audit",
        "/fr/admin/alternatives",
        "/fr/admin/entraide",
        "/fr/charter/admin",
        "/fr/charter/reassessments",
        "/fr/rounds",
        "/fr/rounds/new",
        "/fr/decisions",
        "/fr/decisions/new",
        "/fr/news/new",
        "/fr/meetings/new",
        "/fr/mediation/team",
        "/fr/contact/desk",
        "/fr/stats/crawls",
        "/fr/stats/files",
        ...(file ? [`/fr/stats/files/${file.id}`] : []),
        ...(run ? [`/fr/stats/crawls/${run.id}`] : []),
        "/en/admin",
        "/de/admin",
      ],
    },
  ];
}
