import type { Deps } from "../../src/deps.js";
import { LOCALES, type Locale } from "../../src/i18n/index.js";
import { wholeDb } from "../../src/db/adapter.js";

/**
 * Every public page worth checking, in every language (or the ones asked for), built from the demo
 * data so that member, service, software and category pages point at real records.
 */
export async function publicPages(deps: Deps, locales: readonly Locale[] = LOCALES): Promise<string[]> {
  const { db } = deps;
  const member = await wholeDb(db)
    .selectFrom("members")
    .select("slug")
    .where("membership", "=", "member")
    .where("chatonsinfos_url", "is not", null)
    .orderBy("slug")
    .executeTakeFirstOrThrow();
  const service = await wholeDb(db)
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .select(["members.slug as member", "services.slug"])
    .where("members.slug", "=", member.slug)
    .executeTakeFirstOrThrow();
  const software = await wholeDb(db)
    .selectFrom("software")
    .select("slug")
    .orderBy("slug")
    .executeTakeFirstOrThrow();
  const meeting = await wholeDb(db)
    .selectFrom("meetings")
    .select("id")
    .where("minutes_published_at", "is not", null)
    .executeTakeFirstOrThrow();
  const paths = [
    "",
    "/about",
    "/manifesto",
    "/join",
    "/legal",
    "/privacy",
    "/login",
    "/signup",
    "/members",
    `/members/${member.slug}`,
    "/services",
    "/services?category=pad&access=none",
    "/services?q=google+docs&near=Lyon",
    "/services?alternative=zoom&near=Lyonn",
    "/map",
    "/map?alternative=google-docs",
    "/guide",
    "/guide?leave=doodle&account=none",
    "/guide?need=pad&who=individual&account=none",
    "/kittens",
    "/entraide",
    "/stats",
    `/stats/organizations/${member.slug}`,
    `/stats/services/${service.member}/${service.slug}`,
    `/stats/software/${software.slug}`,
    "/stats/categories/pad",
    "/stats/crawler",
    "/stats/uptime",
    "/charter",
    "/apply",
    "/contact",
    "/news",
    "/meetings",
    `/meetings/${meeting.id}`,
    "/calendar",
    "/code-of-conduct",
    "/mediation/report",
    "/starter-guide",
    "/starter-guide/self-assessment",
  ];
  return paths.flatMap((p) => locales.map((l) => `/${l}${p}`));
}
