import type { Deps } from "../../deps.js";
import type { FanOut, JobDefinition } from "../../jobs/scheduler.js";
import type { CliCommand } from "../feature.js";
import { crawlFanOut, crawlFederation } from "./crawl/crawler.js";
import { runUptime } from "./uptime.js";
import { runNodeinfo } from "./nodeinfo.js";
import { warmFinishedRunReads } from "./run-memo.js";
import { PROBE_JOB } from "../../probe/rounds.js";

export const CRAWL_JOB = "stats.crawl";
/** Uptime's fresh observations come from the platform's one probe job (decision 017). */
export const UPTIME_JOB = PROBE_JOB;
export const NODEINFO_JOB = "stats.nodeinfo";

/** The crawl (daily by default) and the NodeInfo reads (daily); uptime asks the probe job (uptimeProbes). */
export function statsJobs(deps: Deps): JobDefinition[] {
  const { stats } = deps.config;
  return [
    {
      name: CRAWL_JOB,
      intervalMs: stats.crawlIntervalMs,
      // The scheduler also delays the first run by up to the jitter: keep it short.
      jitterMs: Math.min(stats.crawlIntervalMs / 10, 60_000),
      runAtStart: true,
      timeoutMs: Math.max(30 * 60_000, stats.crawlIntervalMs / 2),
      run: async (signal) => {
        const { summary } = await crawlFederation(deps, { trigger: "job", signal });
        await warmFinishedRunReads(deps.db);
        return summary;
      },
      // Spread over instances by the scheduler (pg-boss) or run item by item in process.
      fanOut: warmedAfter(deps, crawlFanOut(deps)),
    },
    {
      name: NODEINFO_JOB,
      intervalMs: 86_400_000,
      jitterMs: 120_000,
      runAtStart: true,
      timeoutMs: 30 * 60_000,
      run: (signal) => runNodeinfo(deps, signal),
    },
  ];
}

/** The crawl's fan-out, computing the reads kept per finished crawl once it is done. */
function warmedAfter(deps: Deps, fanOut: FanOut): FanOut {
  return {
    ...fanOut,
    async finish(jobRun, context) {
      const summary = await fanOut.finish(jobRun, context);
      await warmFinishedRunReads(deps.db);
      return summary;
    },
  };
}

const print = (line: string) => process.stdout.write(`${line}\n`);

export const crawlCommand: CliCommand = {
  name: "crawl",
  summary: "Crawl the federation's ChatonsInfos files now (and optionally probe uptime and NodeInfo)",
  usage: `chatons crawl [--uptime] [--nodeinfo]

  Crawls the federation file (FEDERATION_URL, or the platform's own generated file), every
  organization, service and metrics file it leads to, checks them and stores the results.
  --uptime     also probe every service once
  --nodeinfo   also read NodeInfo of the fediverse services`,
  async run(deps, args) {
    if (args.includes("--help") || args.includes("-h")) {
      print(this.usage);
      return 0;
    }
    const { runId, summary } = await crawlFederation(deps, { trigger: "cli" });
    print(`crawl ${runId}: ${summary}`);
    if (args.includes("--uptime")) print(await runUptime(deps));
    if (args.includes("--nodeinfo")) print(await runNodeinfo(deps));
    return 0;
  },
};
