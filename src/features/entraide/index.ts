import type { Feature } from "../feature.js";
import { dispatchRoutes, portalRoutes } from "./portal.routes.js";
import { manageRoutes } from "./manage.routes.js";
import { adminRoutes } from "./admin.routes.js";
import { entraideProbes } from "./checks.js";
import { dashboardPanel, memberPagePanel } from "./panels.js";
import { demoSites, seedDemo } from "./demo.js";
import { stopPortal } from "./live.js";
import { directDispatch } from "./direct.js";

export const entraideFeature: Feature = {
  name: "entraide",
  pages(router) {
    portalRoutes(router);
    manageRoutes(router);
    adminRoutes(router);
  },
  root: portalRoutes,
  fastRoot: dispatchRoutes,
  direct: directDispatch,
  stop: stopPortal,
  probes: entraideProbes,
  seedDemo,
  demoSites,
  dashboardPanel,
  memberPagePanel,
};
