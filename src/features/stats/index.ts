import type { Feature } from "../feature.js";

export const statsFeature: Feature = {
  name: "stats",
};
