import type { Deps } from "../../deps.js";
import type { JobDefinition } from "../../jobs/scheduler.js";
import { checkInstance, healthSummary, runChecks } from "./checks.js";
import * as daily from "./daily.repository.js";
import { portalFor } from "./live.js";

export function entraideJobs(deps: Deps): JobDefinition[] {
  const interval = deps.config.entraide.checkIntervalMs;
  return [
    {
      name: "entraide.check",
      intervalMs: interval,
      // Spread runs so that several platforms (or a restart) do not probe members in lockstep.
      jitterMs: Math.min(interval / 10, 10_000),
      runAtStart: true,
      timeoutMs: Math.max(interval, 60_000),
      run: (signal) => runChecks(deps, signal),
      // One item per instance: with pg-boss, platform instances share the checks.
      fanOut: {
        concurrency: deps.config.entraide.checkConcurrency,
        async plan() {
          const ids = await daily.instancesToCheck(deps.db);
          return {
            items: ids
              .map((id) => ({ id, order: Math.random() }))
              .sort((a, b) => a.order - b.order)
              .map((x) => x.id),
          };
        },
        async process(_runId, item) {
          await checkInstance(deps, item);
        },
        async finish() {
          const portal = portalFor(deps);
          await portal.refresh();
          await portal.flush();
          return healthSummary(deps);
        },
      },
    },
  ];
}
