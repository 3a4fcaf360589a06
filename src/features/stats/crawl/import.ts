import type { Deps } from "../../../deps.js";
import type { DB } from "../../../db/adapter.js";
import { audit } from "../../../audit/audit.js";
import { slugify } from "../../../db/ids.js";
import { importMemberFields, importServiceFields, importableServices } from "../../directory/published.js";
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
    const diff = differences(member.values, fields);
    if (diff.length > 0) {
      const changed = Object.fromEntries(diff.map((d) => [d.field, fields[d.field as keyof typeof fields]]));
      await importMemberFields(trx, member.id, changed, at);
      await audit(trx, {
        actor: null,
        action: "stats.import.member",
        subject: { type: "member", id: member.id },
        data: { url: org.url, fields: diff },
      });
    }
  }
  const services = await importableServices(trx, member.id);
  for (const v of visits) {
    if (v.cls !== "service" || !v.serviceId || !v.parsed) continue;
    const current = services.find((s) => s.id === v.serviceId);
    if (!current) continue;
    const fields = serviceFieldsFromFile(v.parsed);
    const diff = differences(current.values, fields);
    const software =
      v.softwareName && slugify(v.softwareName) !== slugify(current.softwareName ?? "")
        ? v.softwareName
        : undefined;
    if (software) diff.push({ field: "software", directory: current.softwareName ?? "", crawled: software });
    if (diff.length === 0) continue;
    const changed = Object.fromEntries(
      diff.flatMap((d) => (d.field in fields ? [[d.field, fields[d.field as keyof typeof fields]]] : [])),
    );
    await importServiceFields(trx, v.serviceId, changed, software, at);
    await audit(trx, {
      actor: null,
      action: "stats.import.service",
      subject: { type: "service", id: v.serviceId },
      data: { url: v.url, fields: diff },
    });
  }
}
