import type { CoreTables } from "./core.tables.js";
import type { ProbeTables } from "../probe/probe.tables.js";
import type { JobsTables } from "../jobs/jobs.tables.js";
import type { ChoresTables } from "../features/chores/chores.tables.js";
import type { IdentityTables } from "../identity/identity.tables.js";
import type { DirectoryTables } from "../features/directory/directory.tables.js";
import type { StatsTables } from "../features/stats/stats.tables.js";
import type { EntraideTables } from "../features/entraide/entraide.tables.js";
import type { ApplicationsTables } from "../features/applications/applications.tables.js";
import type { CollectiveTables } from "../features/collective/collective.tables.js";

/** Every table, assembled from the features that own them. */
export interface Database
  extends
    CoreTables,
    ProbeTables,
    JobsTables,
    IdentityTables,
    DirectoryTables,
    StatsTables,
    EntraideTables,
    ApplicationsTables,
    ChoresTables,
    CollectiveTables {}
