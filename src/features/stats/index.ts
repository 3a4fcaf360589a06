import type { Feature } from "../feature.js";
import { statsPages } from "./stats.routes.js";
import { statsRoot } from "./stats.api.js";
import { crawlCommand, statsJobs } from "./stats.jobs.js";
import { statsDashboardPanel, statsMemberPagePanel } from "./views/panels.js";
import { statsDemoSites, statsSeedDemo, rememberDemoDeps } from "./demo/demo.js";
import { uptimeProbes } from "./uptime.js";
import { importCommand } from "./import/run.js";
import { checkCommand } from "./validate.js";
import { warmFinishedRunReads } from "./run-memo.js";

export const statsFeature: Feature = {
  name: "stats",
  pages: statsPages,
  root: statsRoot,
  jobs(deps) {
    rememberDemoDeps(deps);
    return statsJobs(deps);
  },
  probes: uptimeProbes,
  warm: (deps) => warmFinishedRunReads(deps.db),
  commands: [crawlCommand, importCommand, checkCommand],
  seedDemo: statsSeedDemo,
  demoSites: statsDemoSites,
  dashboardPanel: statsDashboardPanel,
  memberPagePanel: statsMemberPagePanel,
};
