import type { Deps } from "../../deps.js";
import type { JobDefinition } from "../../jobs/scheduler.js";
import { executeQueued } from "./checks/check-runner.js";
import { requestReassessments } from "./reassess.js";
import { ensureNextRound, followSchedule } from "./rounds/schedule.js";
import { closeDueProposals } from "./votes/proposals.js";

export function applicationJobs(deps: Deps): JobDefinition[] {
  return [
    {
      // Phase changes happen within minutes of their date, and each is logged.
      name: "applications.schedule",
      intervalMs: 5 * 60_000,
      jitterMs: 30_000,
      runAtStart: true,
      async run() {
        const steps = await followSchedule(deps);
        const created = await ensureNextRound(deps);
        const closed = await closeDueProposals(deps);
        return `${created ? "round created, " : ""}${steps.length} phase changes, ${closed} decisions closed`;
      },
    },
    {
      name: "applications.checks",
      intervalMs: 60_000,
      jitterMs: 10_000,
      runAtStart: true,
      timeoutMs: 10 * 60_000,
      async run(signal) {
        return `${await executeQueued(deps, 20, signal)} pre-check runs`;
      },
    },
    {
      name: "applications.reassessments",
      intervalMs: 24 * 3_600_000,
      jitterMs: 3_600_000,
      runAtStart: true,
      async run() {
        return `${await requestReassessments(deps, null, null)} members asked to re-assess`;
      },
    },
  ];
}
