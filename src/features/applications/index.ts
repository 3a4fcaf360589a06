import type { Feature } from "../feature.js";

export const applicationsFeature: Feature = {
  name: "applications",
};
