import type { Deps } from "../../deps.js";
import type { Feature } from "../feature.js";
import { readAudit } from "../../audit/audit.js";
import { listOutbox } from "../../mail/mailer.js";
import { memberPeopleExport, personExportData } from "../../identity/identity.repository.js";
import { structureExportData, structuresByIds } from "../directory/published.js";

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
  const { person, memberships, sessions } = await personExportData(db, personId);
  const structures = await structuresByIds(
    db,
    memberships.map((m) => m.member_id),
  );
  const mails = (await listOutbox(db, { to: person.email, limit: 100_000 })).reverse();
  const actions = await readAudit(db, { actorPersonId: personId, limit: 100_000 });
  const parts: Record<string, unknown> = {};
  for (const feature of features) {
    if (feature.personExport) parts[feature.name] = await feature.personExport(deps, personId);
  }
  return {
    format: "chatons-person-export/1",
    exportedAt: deps.now().toISOString(),
    person,
    memberships: memberships.map((m) => ({
      slug: structures.get(m.member_id)?.slug ?? null,
      name: structures.get(m.member_id)?.name ?? null,
      role: m.role,
      created_at: m.created_at,
    })),
    sessions,
    mails: mails.map((m) => ({
      created_at: m.createdAt,
      subject: m.subject,
      text_body: m.text,
      status: m.status,
      kind: m.kind,
    })),
    actions: [...actions].reverse().map((a) => ({
      at: a.at,
      action: a.action,
      subject_type: a.subjectType,
      subject_id: a.subjectId,
      data: a.data,
    })),
    ...parts,
  };
}

export async function exportMember(
  deps: Deps,
  features: Feature[],
  memberId: string,
): Promise<Record<string, unknown>> {
  const { db } = deps;
  const { member, services } = await structureExportData(db, memberId);
  const people = await memberPeopleExport(db, memberId);
  const history = [
    ...(await readAudit(db, { subjectType: "member", subjectId: memberId, limit: 10_000 })),
    ...(await readAudit(db, { actorMemberId: memberId, limit: 10_000 })),
  ];
  const parts: Record<string, unknown> = {};
  for (const feature of features) {
    if (feature.memberExport) parts[feature.name] = await feature.memberExport(deps, memberId);
  }
  return {
    format: "chatons-member-export/1",
    exportedAt: deps.now().toISOString(),
    member,
    services,
    people,
    history,
    ...parts,
  };
}
