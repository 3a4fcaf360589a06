import { isIP } from "node:net";
import { OutboundError, decodeText, type Outbound, type OutboundResponse } from "../../../http/outbound.js";
import type { MessageKey } from "../../../i18n/index.js";
import type { CheckStatus } from "../applications.tables.js";
import { findThirdParties } from "./trackers.js";
import { parseChatonsInfos } from "../../stats/chatonsinfos/parse.js";
import { checkChatonsInfos } from "../../stats/chatonsinfos/check.js";

/**
 * The automated pre-checks: what a machine can verify from outside about a structure, through the
 * platform's one outbound door. Each check gives a status and a message key with its variables, so
 * results are stored once and read in either language.
 */

export const CHECK_IDS = [
  "website-tls",
  "legal-pages",
  "no-trackers",
  "chatonsinfos",
  "services-reachable",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface CheckSubject {
  website: string | null;
  tosUrl: string | null;
  legalUrl: string | null;
  chatonsinfosUrl: string | null;
  services: { name: string; url: string }[];
}

export interface CheckOutcome {
  checkId: CheckId;
  target: string;
  status: CheckStatus;
  detail: { key: MessageKey; vars?: Record<string, string | number> };
}

type Fetched = { ok: true; res: OutboundResponse } | { ok: false; error: OutboundError };

async function get(outbound: Outbound, url: string, signal?: AbortSignal): Promise<Fetched> {
  try {
    return { ok: true, res: await outbound.fetch({ url, headers: { accept: "text/html,*/*" }, signal }) };
  } catch (error) {
    if (error instanceof OutboundError) return { ok: false, error };
    throw error;
  }
}

const isLoopbackHost = (url: string): boolean => {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || (isIP(host) !== 0 && (host.startsWith("127.") || host === "::1"));
};

function reachability(
  checkId: CheckId,
  target: string,
  f: Fetched,
  vars: Record<string, string> = {},
): CheckOutcome {
  if (!f.ok)
    return {
      checkId,
      target,
      status: "fail",
      detail: { key: "applications.check.unreachable", vars: { ...vars, error: f.error.code } },
    };
  if (f.res.status >= 400)
    return {
      checkId,
      target,
      status: "fail",
      detail: { key: "applications.check.http_status", vars: { ...vars, status: f.res.status } },
    };
  return {
    checkId,
    target,
    status: "pass",
    detail: { key: "applications.check.reachable", vars: { ...vars, status: f.res.status } },
  };
}

function websiteTls(website: string, home: Fetched, allowLoopback: boolean): CheckOutcome {
  const base = { checkId: "website-tls" as const, target: website };
  if (!home.ok && home.error.code === "tls")
    return {
      ...base,
      status: "fail",
      detail: { key: "applications.check.tls.invalid", vars: { error: home.error.message.slice(0, 200) } },
    };
  const reach = reachability("website-tls", website, home);
  if (reach.status === "fail") return reach;
  const final = home.ok ? home.res.url : website;
  if (final.startsWith("https:"))
    return { ...base, status: "pass", detail: { key: "applications.check.tls.ok" } };
  // Demo and test servers live on loopback without certificates: say so rather than fail.
  if (allowLoopback && isLoopbackHost(final))
    return { ...base, status: "warn", detail: { key: "applications.check.tls.loopback" } };
  return { ...base, status: "fail", detail: { key: "applications.check.tls.not_https" } };
}

function noTrackers(website: string, home: Fetched): CheckOutcome {
  const base = { checkId: "no-trackers" as const, target: website };
  if (!home.ok || home.res.status >= 400)
    return { ...base, status: "skip", detail: { key: "applications.check.trackers.unreadable" } };
  const found = findThirdParties(decodeText(home.res.body).text, home.res.url);
  if (found.length === 0)
    return { ...base, status: "pass", detail: { key: "applications.check.trackers.none" } };
  const list = [...new Set(found.map((f) => `${f.owner} (${f.host})`))].slice(0, 10).join(", ");
  const serious = found.some((f) => f.kind !== "cdn");
  return {
    ...base,
    status: serious ? "fail" : "warn",
    detail: {
      key: serious ? "applications.check.trackers.found" : "applications.check.trackers.cdn",
      vars: { list },
    },
  };
}

async function chatonsInfos(
  outbound: Outbound,
  url: string | null,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  const base = { checkId: "chatonsinfos" as const, target: url ?? "" };
  if (!url) return { ...base, status: "skip", detail: { key: "applications.check.chatonsinfos.none" } };
  const f = await get(outbound, url, signal);
  const reach = reachability("chatonsinfos", url, f);
  if (!f.ok || reach.status === "fail") return reach;
  const report = checkChatonsInfos(parseChatonsInfos(f.res.body), "organization");
  const vars = { errors: report.counts.error, warnings: report.counts.warning };
  if (report.fileClass !== "organization")
    return { ...base, status: "fail", detail: { key: "applications.check.chatonsinfos.class", vars } };
  if (report.counts.error > 0)
    return { ...base, status: "fail", detail: { key: "applications.check.chatonsinfos.errors", vars } };
  if (report.counts.warning > 0)
    return { ...base, status: "warn", detail: { key: "applications.check.chatonsinfos.warnings", vars } };
  return { ...base, status: "pass", detail: { key: "applications.check.chatonsinfos.ok" } };
}

/** Runs at most `limit` tasks at a time, keeping the order of results. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      if (task) results[i] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export async function runChecks(
  outbound: Outbound,
  subject: CheckSubject,
  options: { allowLoopback: boolean; signal?: AbortSignal },
): Promise<CheckOutcome[]> {
  const { signal } = options;
  const out: CheckOutcome[] = [];
  if (subject.website) {
    const home = await get(outbound, subject.website, signal);
    out.push(websiteTls(subject.website, home, options.allowLoopback), noTrackers(subject.website, home));
  } else {
    out.push({
      checkId: "website-tls",
      target: "",
      status: "fail",
      detail: { key: "applications.check.no_website" },
    });
  }
  const pages: [string | null, MessageKey][] = [
    [subject.tosUrl, "applications.check.page.terms"],
    [subject.legalUrl, "applications.check.page.legal"],
  ];
  const tasks: (() => Promise<CheckOutcome>)[] = pages.map(([url, label]) => async () => {
    if (!url)
      return {
        checkId: "legal-pages",
        target: "",
        status: "fail",
        detail: { key: "applications.check.page.missing", vars: { page: label } },
      };
    return reachability("legal-pages", url, await get(outbound, url, signal), { page: label });
  });
  tasks.push(() => chatonsInfos(outbound, subject.chatonsinfosUrl, signal));
  for (const s of subject.services)
    tasks.push(async () =>
      reachability("services-reachable", s.url, await get(outbound, s.url, signal), { name: s.name }),
    );
  if (subject.services.length === 0)
    out.push({
      checkId: "services-reachable",
      target: "",
      status: "fail",
      detail: { key: "applications.check.services.none" },
    });
  out.push(...(await pool(tasks, 4)));
  return out;
}
