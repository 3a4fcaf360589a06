import type { Feature } from "../feature.js";
import { charterPages } from "./charter/charter.routes.js";
import { roundPages } from "./rounds/rounds.routes.js";
import { reassessPages } from "./reassess.routes.js";
import { applicationPages } from "./applications.routes.js";
import { reviewPages } from "./review.routes.js";
import { decisionPages } from "./votes/decisions.routes.js";
import { applicationJobs } from "./applications.jobs.js";
import { dashboardPanel, memberPagePanel } from "./panels.js";
import { seedApplicationsDemo } from "./demo.js";

export const applicationsFeature: Feature = {
  name: "applications",
  pages(router) {
    // Fixed paths before parameterised ones (/charter/reassessments before /charter/admin/:id…).
    reassessPages(router);
    charterPages(router);
    roundPages(router);
    applicationPages(router);
    reviewPages(router);
    decisionPages(router);
  },
  jobs: applicationJobs,
  seedDemo: seedApplicationsDemo,
  dashboardPanel,
  memberPagePanel,
};
