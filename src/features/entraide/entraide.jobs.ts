import type { Deps } from "../../deps.js";
import type { JobDefinition } from "../../jobs/scheduler.js";
import { runChecks } from "./checks.js";

export function entraideJobs(deps: Deps): JobDefinition[] {
  const interval = deps.config.entraide.checkIntervalMs;
  return [
    {
      name: "entraide.check",
      intervalMs: interval,
      // Spread runs so that several platforms (or a restart) do not probe members in lockstep.
      jitterMs: Math.min(interval / 4, 30_000),
      runAtStart: true,
      timeoutMs: Math.max(interval, 60_000),
      run: (signal) => runChecks(deps, signal),
    },
  ];
}
