import type { DB } from "../../db/adapter.js";
import { memberServiceListings, type ServiceListing } from "../directory/published-listings.js";
import { latestUptime, uptimeRatios } from "./uptime.js";
import { statsDb } from "./stats.tables.js";

/** The services of the member structures with their crawled file, uptime and NodeInfo figures. */

export async function listServices(
  db: DB,
  now: Date,
  filter: { software?: string; category?: string; member?: string } = {},
) {
  const listings: ServiceListing[] = await memberServiceListings(db, {
    ...(filter.software ? { software: filter.software } : {}),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.member ? { memberSlug: filter.member } : {}),
  });
  let nodeinfoQuery = statsDb(db)
    .selectFrom("stats_nodeinfo")
    .select(["service_id", "users_total", "users_active_month"]);
  // One structure's or one software's page reads only its own rows; the full list reads them all.
  if (filter.member || filter.software || filter.category)
    nodeinfoQuery = nodeinfoQuery.where(
      "service_id",
      "in",
      ["", ...listings.map((l) => l.id)].slice(0, 5000),
    );
  const nodeinfo = new Map((await nodeinfoQuery.execute()).map((n) => [n.service_id, n]));
  const files = await statsDb(db)
    .selectFrom("stats_files")
    .select(["service_id", "id", "result", "errors", "warnings", "software_name"])
    .where("service_id", "is not", null)
    .where("class", "=", "service")
    .execute();
  const byService = new Map(files.map((f) => [f.service_id, f]));
  const up = (await uptimeRatios(db, now)).services;
  const latest = await latestUptime(db, listings);
  return listings.map((r) => ({
    ...r,
    usersTotal: nodeinfo.get(r.id)?.users_total ?? null,
    usersActiveMonth: nodeinfo.get(r.id)?.users_active_month ?? null,
    upNow: latest.get(r.id)?.up ?? null,
    file: byService.get(r.id),
    uptime: up.get(r.id) ?? null,
  }));
}

export type ServiceListRow = Awaited<ReturnType<typeof listServices>>[number];
