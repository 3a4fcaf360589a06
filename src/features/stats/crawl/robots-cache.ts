import type { Deps } from "../../../deps.js";
import { OutboundError } from "../../../http/outbound.js";
import type { FetchResult } from "../stats.tables.js";
import type { HostLimiter } from "./limiter.js";
import { parseRobots, type RobotsRules } from "./robots.js";
import { statsDb } from "../stats.tables.js";

/**
 * robots.txt of each origin, read at most once a day (stored in stats_robots, so several
 * instances share it). RFC 9309: a missing robots.txt (4xx) allows everything; one that cannot be
 * read (5xx, timeout) means stay away until the next crawl, which is what we do.
 */

export type RobotsAnswer = { rules: RobotsRules } | { unreachable: { result: FetchResult; reason: string } };

const TTL_MS = 86_400_000;
const MAX_BYTES = 512 * 1024;

function decode(text: string | null): RobotsRules | undefined {
  if (text === null) return undefined;
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== "object" || raw === null || !("rules" in raw) || !Array.isArray(raw.rules))
      return undefined;
    const rules = raw.rules.flatMap((r: unknown) =>
      typeof r === "object" && r !== null && "allow" in r && "path" in r && typeof r.path === "string"
        ? [{ allow: r.allow === true, path: r.path }]
        : [],
    );
    return { rules };
  } catch {
    return undefined;
  }
}

async function remember(deps: Deps, origin: string, status: number | null, rules: RobotsRules) {
  const row = { origin, fetched_at: deps.now().toISOString(), status, rules: JSON.stringify(rules) };
  await statsDb(deps.db)
    .insertInto("stats_robots")
    .values(row)
    .onConflict((oc) =>
      oc.column("origin").doUpdateSet({ fetched_at: row.fetched_at, status, rules: row.rules }),
    )
    .execute();
}

export async function loadRobots(
  deps: Deps,
  origin: string,
  limiter: HostLimiter,
  signal?: AbortSignal,
): Promise<RobotsAnswer> {
  const cached = await statsDb(deps.db)
    .selectFrom("stats_robots")
    .selectAll()
    .where("origin", "=", origin)
    .executeTakeFirst();
  const fresh = cached && Date.parse(cached.fetched_at) > deps.now().getTime() - TTL_MS;
  const known = fresh ? decode(cached.rules) : undefined;
  if (known) return { rules: known };
  const host = new URL(origin).host;
  try {
    const res = await limiter.run(host, () =>
      deps.outbound.fetch({
        url: `${origin}/robots.txt`,
        maxBytes: MAX_BYTES,
        ...(signal ? { signal } : {}),
      }),
    );
    if (res.status >= 500)
      return {
        unreachable: {
          result: "robots",
          reason: `robots.txt answered HTTP ${res.status}: no file fetched from this host`,
        },
      };
    const rules =
      res.status >= 200 && res.status < 300 && !(res.headers["content-type"] ?? "").includes("html")
        ? parseRobots(res.body.toString("utf8"))
        : { rules: [] };
    await remember(deps, origin, res.status, rules);
    return { rules };
  } catch (error) {
    if (error instanceof OutboundError && error.code === "timeout")
      return {
        unreachable: { result: "timeout", reason: "robots.txt timed out: no file fetched from this host" },
      };
    // Other failures (DNS, refused address, TLS…) will fail the file request too, with its own reason.
    return { rules: { rules: [] } };
  }
}
