import type { Feature } from "../feature.js";
import { kittenImageRoutes, kittenPages } from "./kittens.routes.js";
import { seedKittens } from "./kittens.demo.js";

export const kittensFeature: Feature = {
  name: "kittens",
  pages: kittenPages,
  root: kittenImageRoutes,
  seedDemo: seedKittens,
};
