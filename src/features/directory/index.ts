import type { Feature } from "../feature.js";
import { publicPages } from "./public.routes.js";
import { memberEditPages } from "./member-edit.routes.js";
import { serviceEditPages } from "./service-edit.routes.js";
import { dashboardPages } from "./dashboard.routes.js";
import { categoryPages } from "./categories.routes.js";
import { directoryApi } from "./api.routes.js";
import { logoRoutes } from "./logos.routes.js";
import { directoryJobs } from "./logos.fetch.js";
import { logoPanel } from "./logos.views.js";
import { demoLogoSites, seedDemoLogos } from "./logos.demo.js";

export const directoryFeature: Feature = {
  name: "directory",
  pages(router) {
    // /members/new before /members/:slug.
    memberEditPages(router);
    publicPages(router);
    serviceEditPages(router);
    dashboardPages(router);
    categoryPages(router);
  },
  root(app) {
    directoryApi(app);
    logoRoutes(app);
  },
  jobs: directoryJobs,
  dashboardPanel: logoPanel,
  seedDemo: seedDemoLogos,
  demoSites: demoLogoSites,
};
