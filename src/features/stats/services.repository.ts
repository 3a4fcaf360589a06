import type { DB } from "../../db/adapter.js";
import { latestUptime, uptimeRatios } from "./uptime.js";

/** The services of the member structures with their crawled file, uptime and NodeInfo figures. */

export async function listServices(
  db: DB,
  now: Date,
  filter: { software?: string; category?: string; member?: string } = {},
) {
  let query = db
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .innerJoin("categories", "categories.id", "services.category_id")
    .leftJoin("software", "software.id", "services.software_id")
    .leftJoin("stats_nodeinfo", "stats_nodeinfo.service_id", "services.id")
    .select([
      "services.id",
      "services.slug",
      "services.name",
      "services.url",
      "services.status",
      "services.category_id",
      "categories.name_fr as category_fr",
      "categories.name_en as category_en",
      "members.slug as member_slug",
      "members.name as member_name",
      "software.slug as software_slug",
      "software.name as software_name",
      "stats_nodeinfo.users_total",
      "stats_nodeinfo.users_active_month",
    ])
    .where("services.archived_at", "is", null)
    .where("members.archived_at", "is", null)
    .where("members.membership", "=", "member")
    .orderBy("members.name")
    .orderBy("services.name");
  if (filter.software) query = query.where("software.slug", "=", filter.software);
  if (filter.category) query = query.where("services.category_id", "=", filter.category);
  if (filter.member) query = query.where("members.slug", "=", filter.member);
  const rows = await query.execute();
  const files = await db
    .selectFrom("stats_files")
    .select(["service_id", "id", "result", "errors", "warnings", "software_name"])
    .where("service_id", "is not", null)
    .where("class", "=", "service")
    .execute();
  const byService = new Map(files.map((f) => [f.service_id, f]));
  const up = (await uptimeRatios(db, now)).services;
  const latest = await latestUptime(db, rows);
  return rows.map((r) => ({
    ...r,
    up_now: latest.get(r.id)?.ok ?? null,
    file: byService.get(r.id),
    uptime: up.get(r.id) ?? null,
  }));
}

export type ServiceListRow = Awaited<ReturnType<typeof listServices>>[number];
