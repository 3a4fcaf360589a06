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
  // Only services speaking NodeInfo have a row: reading them all is cheaper than naming thousands.
  const nodeinfo = new Map(
    (
      await statsDb(db)
        .selectFrom("stats_nodeinfo")
        .select(["service_id", "users_total", "users_active_month"])
        .execute()
    ).map((n) => [n.service_id, n]),
  );
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
