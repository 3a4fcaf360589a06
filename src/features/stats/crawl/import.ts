import type { Deps } from "../../../deps.js";
import type { DB } from "../../../db/adapter.js";
import { audit } from "../../../audit/audit.js";
import {
  updateMemberFields,
  updateServiceFields,
  upsertSoftware,
} from "../../directory/directory.repository.js";
import { differences, memberFieldsFromFile, serviceFieldsFromFile } from "../chatonsinfos/mapping.js";
import { federationKey } from "../generated.js";
import type { OrgContext } from "./match.js";
import type { Visit } from "./visit.js";

/**
 * "My ChatonsInfos files are my source of truth": the crawled organization and service files
 * overwrite the directory fields they state validly. Only real differences are written, each
 * audited, so a daily crawl of unchanged files leaves no trace. Services the files describe but
 * the directory lacks are not created (a category cannot be read from a file): the stats pages
 * list them instead.
 */
export async function importFromFiles(trx: DB, deps: Deps, ctx: OrgContext, visits: Visit[], at: string) {
  const member = ctx.member;
  if (!member) return;
  const org = visits[0];
  if (org?.parsed && !org.parsed.looksLikeHtml && org.cls === "organization") {
    const fields = memberFieldsFromFile(org.parsed, federationKey(deps.config));
    const diff = differences(member, fields);
    if (diff.length > 0) {
      const changed = Object.fromEntries(diff.map((d) => [d.field, fields[d.field as keyof typeof fields]]));
      await updateMemberFields(trx, member.id, changed, at);
      await audit(trx, {
        actor: null,
        action: "stats.import.member",
        subject: { type: "member", id: member.id },
        data: { url: org.url, fields: diff },
      });
    }
  }
  for (const v of visits) {
    if (v.cls !== "service" || !v.serviceId || !v.parsed) continue;
    const current = await trx
      .selectFrom("services")
      .selectAll()
      .where("id", "=", v.serviceId)
      .executeTakeFirst();
    if (!current) continue;
    const fields: Record<string, unknown> = { ...serviceFieldsFromFile(v.parsed) };
    if (v.softwareName) {
      const softwareId = await upsertSoftware(trx, { name: v.softwareName }, at);
      if (softwareId !== current.software_id) fields.software_id = softwareId;
    }
    const diff = differences(current, fields);
    if (diff.length === 0) continue;
    await updateServiceFields(
      trx,
      v.serviceId,
      Object.fromEntries(diff.map((d) => [d.field, fields[d.field]])),
      at,
    );
    await audit(trx, {
      actor: null,
      action: "stats.import.service",
      subject: { type: "service", id: v.serviceId },
      data: { url: v.url, fields: diff },
    });
  }
}
