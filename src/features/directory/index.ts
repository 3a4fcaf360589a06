import type { Feature } from "../feature.js";
import { publicPages } from "./finder/public.routes.js";
import { memberEditPages } from "./members/member-edit.routes.js";
import { serviceEditPages } from "./services/service-edit.routes.js";
import { dashboardPages } from "./dashboard/dashboard.routes.js";
import { categoryPages } from "./services/categories.routes.js";
import { alternativesPages } from "./alternatives/alternatives.routes.js";
import { directoryApi } from "./finder/api.routes.js";
import { logoRoutes } from "./logos/logos.routes.js";
import { directoryJobs } from "./logos/logos.fetch.js";
import { logoPanel } from "./logos/logos.views.js";
import { demoLogoSites, seedDemoLogos } from "./logos/logos.demo.js";
import { loadSnapshot } from "./finder/snapshot.js";
import { directoryFigures } from "./published-listings.js";

export const directoryFeature: Feature = {
  name: "directory",
  pages(router) {
    // /members/new before /members/:slug.
    memberEditPages(router);
    publicPages(router);
    serviceEditPages(router);
    dashboardPages(router);
    categoryPages(router);
    alternativesPages(router);
  },
  root(app) {
    directoryApi(app);
    logoRoutes(app);
  },
  jobs: directoryJobs,
  async warm(deps) {
    await loadSnapshot(deps.db);
    // Read by the stats overview: a few hundred milliseconds of SQL at 100 × the demo.
    await directoryFigures(deps.db);
  },
  dashboardPanel: logoPanel,
  seedDemo: seedDemoLogos,
  demoSites: demoLogoSites,
};
