import type { Feature } from "../feature.js";
import { accountPages } from "./accounts.routes.js";
import { signInPages } from "./signin.routes.js";
import { signupPages } from "./signup.routes.js";
import { adminPages } from "./admin.routes.js";
import { dataRightsPages } from "./data-rights.routes.js";

export const accountsFeature: Feature = {
  name: "accounts",
  pages(router) {
    signInPages(router);
    signupPages(router);
    accountPages(router);
    adminPages(router);
    dataRightsPages(router);
  },
};
