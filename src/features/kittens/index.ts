import type { Feature } from "../feature.js";

export const kittensFeature: Feature = {
  name: "kittens",
};
