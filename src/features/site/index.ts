import type { Feature } from "../feature.js";
import { sitePages } from "./site.routes.js";

export const siteFeature: Feature = {
  name: "site",
  pages: sitePages,
};
