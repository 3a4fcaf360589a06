import type { Feature } from "./feature.js";
import { siteFeature } from "./site/index.js";
import { accountsFeature } from "./accounts/index.js";
import { directoryFeature } from "./directory/index.js";
import { statsFeature } from "./stats/index.js";
import { entraideFeature } from "./entraide/index.js";
import { applicationsFeature } from "./applications/index.js";
import { kittensFeature } from "./kittens/index.js";
import { choresFeature } from "./chores/index.js";
import { collectiveFeature } from "./collective/index.js";

/** Every feature of the platform, in the order their routes are mounted. */
export const features: Feature[] = [
  siteFeature,
  accountsFeature,
  directoryFeature,
  statsFeature,
  entraideFeature,
  applicationsFeature,
  kittensFeature,
  choresFeature,
  collectiveFeature,
];
