import type { DB } from "../../db/adapter.js";
import { toCount } from "../../db/adapter.js";

/** The services of the member structures with their crawled file, uptime and NodeInfo figures. */

const UPTIME_DAYS = 90;
const dayAgo = (now: Date, days: number) =>
  new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

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
    .leftJoin("stats_uptime_latest", "stats_uptime_latest.service_id", "services.id")
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
      "stats_uptime_latest.ok as up_now",
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
  const uptime = await db
    .selectFrom("stats_uptime_daily")
    .select((eb) => [
      "service_id",
      eb.fn.sum<number>("checks").as("checks"),
      eb.fn.sum<number>("ups").as("ups"),
    ])
    .where("day", ">=", dayAgo(now, UPTIME_DAYS))
    .groupBy("service_id")
    .execute();
  const up = new Map(
    uptime.map((u) => [u.service_id, toCount(u.checks) > 0 ? toCount(u.ups) / toCount(u.checks) : null]),
  );
  return rows.map((r) => ({ ...r, file: byService.get(r.id), uptime: up.get(r.id) ?? null }));
}

export type ServiceListRow = Awaited<ReturnType<typeof listServices>>[number];
