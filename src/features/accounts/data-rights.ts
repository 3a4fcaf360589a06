import type { Deps } from "../../deps.js";
import type { Feature } from "../feature.js";
import { readAudit } from "../../audit/audit.js";

/**
 * What the platform holds about a person or a structure, gathered from every feature, as plain
 * JSON. Password hashes, session tokens and other secrets are never part of an export.
 */
export async function exportPerson(
  deps: Deps,
  features: Feature[],
  personId: string,
): Promise<Record<string, unknown>> {
  const { db } = deps;
  const person = await db
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
  const memberships = await db
    .selectFrom("memberships")
    .innerJoin("members", "members.id", "memberships.member_id")
    .select(["members.slug", "members.name", "memberships.role", "memberships.created_at"])
    .where("memberships.person_id", "=", personId)
    .execute();
  const sessions = await db
    .selectFrom("sessions")
    .select(["created_at", "last_seen_at", "expires_at"])
    .where("person_id", "=", personId)
    .execute();
  const mails = await db
    .selectFrom("mail_outbox")
    .select(["created_at", "subject", "text_body", "status", "kind"])
    .where("to_address", "=", person.email)
    .orderBy("created_at")
    .execute();
  const actions = await db
    .selectFrom("audit_log")
    .select(["at", "action", "subject_type", "subject_id", "data"])
    .where("actor_person_id", "=", personId)
    .orderBy("id")
    .execute();
  const parts: Record<string, unknown> = {};
  for (const feature of features) {
    if (feature.personExport) parts[feature.name] = await feature.personExport(deps, personId);
  }
  return {
    format: "chatons-person-export/1",
    exportedAt: deps.now().toISOString(),
    person: { ...person, is_platform_admin: person.is_platform_admin === 1 },
    memberships,
    sessions,
    mails,
    actions: actions.map((a) => ({ ...a, data: safeJson(a.data) })),
    ...parts,
  };
}

export async function exportMember(
  deps: Deps,
  features: Feature[],
  memberId: string,
): Promise<Record<string, unknown>> {
  const { db } = deps;
  const member = await db
    .selectFrom("members")
    .selectAll()
    .where("id", "=", memberId)
    .executeTakeFirstOrThrow();
  const services = await db
    .selectFrom("services")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("slug")
    .execute();
  const people = await db
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .select(["people.name", "people.email", "memberships.role", "memberships.created_at"])
    .where("memberships.member_id", "=", memberId)
    .execute();
  const history = [
    ...(await readAudit(db, { subjectType: "member", subjectId: memberId, limit: 10_000 })),
    ...(await readAudit(db, { actorMemberId: memberId, limit: 10_000 })),
  ];
  const parts: Record<string, unknown> = {};
  for (const feature of features) {
    if (feature.memberExport) parts[feature.name] = await feature.memberExport(deps, memberId);
  }
  const { search_text: _search, ...memberFields } = member;
  return {
    format: "chatons-member-export/1",
    exportedAt: deps.now().toISOString(),
    member: {
      ...memberFields,
      social_links: safeJson(member.social_links),
      funding_links: safeJson(member.funding_links),
      avatar: safeJson(member.avatar),
    },
    services: services.map(({ search_text: _s, ...s }) => ({
      ...s,
      audience: safeJson(s.audience),
      languages: safeJson(s.languages),
    })),
    people,
    history,
    ...parts,
  };
}

function safeJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
