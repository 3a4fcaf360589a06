import type { DB } from "../../db/adapter.js";
import { entraideDb } from "./entraide.tables.js";

/**
 * What the entraide feature publishes to the others, read-only: for the admin home, how many
 * approved and active portal instances its health checks find down, and how many wait for approval.
 */
export async function instancesInTrouble(db: DB): Promise<{ down: number; pending: number }> {
  const rows = await entraideDb(db)
    .selectFrom("entraide_instances")
    .select(["health", "approval", "paused"])
    .execute();
  return {
    down: rows.filter((r) => r.approval === "approved" && r.paused === 0 && r.health === "down").length,
    pending: rows.filter((r) => r.approval === "pending").length,
  };
}
