import type { Hono } from "hono";
import type { Deps } from "../../../deps.js";
import type { DemoWorld } from "../../../demo/world.js";

let demoDeps: Deps | undefined;
export function rememberDemoDeps(deps: Deps): void {
  demoDeps = deps;
}
export async function statsSeedDemo(_deps: Deps, _world: DemoWorld): Promise<void> {}
export function statsDemoSites(_app: Hono, _world: DemoWorld): void {
  void demoDeps;
}
