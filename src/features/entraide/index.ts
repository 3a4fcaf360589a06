import type { Feature } from "../feature.js";

export const entraideFeature: Feature = {
  name: "entraide",
};
