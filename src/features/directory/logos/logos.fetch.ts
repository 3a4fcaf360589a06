import type { Deps } from "../../../deps.js";
import type { JobDefinition } from "../../../jobs/scheduler.js";
import { nowIso } from "../../../db/ids.js";
import { OutboundError, type OutboundResponse } from "../../../http/outbound.js";
import { findMemberById } from "../directory.repository.js";
import * as logos from "./logos.repository.js";
import { hashBytes, judgeLogo, LOGO_MAX_BYTES, LOGO_TYPES, type LogoRefusal } from "./logos.js";
import { invalidateDirectory } from "../finder/snapshot.js";

/**
 * Fetches members' logos through the outbound module (size cap, deadline, no private addresses)
 * and keeps them in member_logos, so visitors' browsers only ever load them from the platform.
 */

export type LogoOutcome =
  { status: "stored" | "unchanged" | "removed" | "none" } | { status: "refused"; reason: LogoRefusal };

function refusalOf(error: unknown): LogoRefusal {
  if (!(error instanceof OutboundError)) return "unreachable";
  if (error.code === "too-large" || error.code === "timeout" || error.code === "blocked-address")
    return error.code;
  return "unreachable";
}

async function download(
  deps: Deps,
  url: string,
  etag: string | null,
  options: { timeoutMs?: number | undefined; signal?: AbortSignal | undefined },
): Promise<OutboundResponse | LogoRefusal> {
  try {
    return await deps.outbound.fetch({
      url,
      maxBytes: LOGO_MAX_BYTES,
      headers: { accept: LOGO_TYPES.join(", "), ...(etag ? { "if-none-match": etag } : {}) },
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    deps.log.info({ url, err: error instanceof Error ? error.message : String(error) }, "logo fetch failed");
    return refusalOf(error);
  }
}

/**
 * Brings one member's stored logo in line with its logo_url. Never throws: a failure is recorded
 * with its reason, and the previous good logo stays.
 */
export async function refreshLogo(
  deps: Deps,
  memberId: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<LogoOutcome> {
  const member = await findMemberById(deps.db, memberId);
  if (!member) return { status: "none" };
  const url = member.logo_url;
  if (!url) {
    const removed = await logos.deleteLogo(deps.db, memberId);
    if (removed) invalidateDirectory();
    return { status: removed ? "removed" : "none" };
  }
  const previous = await logos.findLogo(deps.db, memberId);
  const canRevalidate = !!previous?.data && previous.source_url === url;
  const response = await download(deps, url, canRevalidate ? previous.etag : null, options);
  const at = nowIso();
  const fail = async (reason: LogoRefusal): Promise<LogoOutcome> => {
    await logos.recordLogoFailure(deps.db, memberId, url, reason, at);
    return { status: "refused", reason };
  };
  if (typeof response === "string") return fail(response);
  if (response.status === 304 && canRevalidate) {
    await logos.confirmLogo(deps.db, memberId, at);
    return { status: "unchanged" };
  }
  if (response.status !== 200) return fail("http-error");
  const verdict = judgeLogo(response.body, response.headers["content-type"]);
  if (!verdict.ok) return fail(verdict.reason);
  const hash = hashBytes(response.body);
  const changed = await logos.storeLogo(
    deps.db,
    memberId,
    {
      url,
      type: verdict.type,
      data: response.body.toString("base64"),
      hash,
      ...verdict.size,
      etag: response.headers["etag"] ?? null,
    },
    at,
  );
  if (changed) invalidateDirectory();
  return { status: changed ? "stored" : "unchanged" };
}

/** Fetches every logo that is due (see logosDue), one at a time: a few dozen small files a week. */
export async function refreshDueLogos(deps: Deps, signal?: AbortSignal): Promise<string> {
  const removed = await logos.deleteOrphanLogos(deps.db);
  if (removed > 0) invalidateDirectory();
  const counts = { stored: 0, unchanged: 0, refused: 0 };
  for (const { id } of await logos.logosDue(deps.db, deps.now())) {
    if (signal?.aborted) break;
    const outcome = await refreshLogo(deps, id, signal ? { signal } : {});
    if (outcome.status === "stored" || outcome.status === "unchanged" || outcome.status === "refused")
      counts[outcome.status]++;
  }
  return `${counts.stored} logos stored, ${counts.unchanged} unchanged, ${counts.refused} refused, ${removed} removed`;
}

export function directoryJobs(deps: Deps): JobDefinition[] {
  return [
    {
      name: "directory.logos",
      // Each logo is asked for weekly (LOGO_REFRESH_MS); this only looks for what is due, so a
      // changed address or a demo start is picked up within hours rather than a week.
      intervalMs: 6 * 3_600_000,
      // Short: the first run after a start (the demo's logos) should not wait long.
      jitterMs: 60_000,
      runAtStart: true,
      timeoutMs: 30 * 60_000,
      run: (signal) => refreshDueLogos(deps, signal),
    },
  ];
}
