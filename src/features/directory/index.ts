import type { Feature } from "../feature.js";

export const directoryFeature: Feature = {
  name: "directory",
};
