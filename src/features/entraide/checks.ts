import type { Deps } from "../../deps.js";
import { OutboundError, decodeText } from "../../http/outbound.js";
import { translator, isLocale, type Translator } from "../../i18n/index.js";
import { judge, nextHealth, type Observation, type Verdict } from "./health.js";
import type { Health } from "./entraide.tables.js";
import * as repo from "./entraide.repository.js";
import * as daily from "./daily.repository.js";
import { portalFor } from "./live.js";
import { softwareName } from "./software.js";
import type { FieldError } from "../../http/forms.js";

/**
 * Health checks. `checkInstance` checks one instance from start to end (fetch, verdict,
 * hysteresis, daily aggregate, alert), so a queue (pg-boss) can later spread instances across
 * workers by calling it with an id; `runChecks` is the in-process job that checks them all.
 */

const MAX_PAGE_BYTES = 1_048_576;

export interface CheckResult {
  instanceId: string;
  verdict: Verdict;
  health: Health;
  changed: boolean;
}

async function observe(deps: Deps, url: string): Promise<Observation> {
  const started = performance.now();
  try {
    const res = await deps.outbound.fetch({
      url,
      // An instance that sends visitors to another domain is not the instance that was approved.
      redirects: "same-site",
      maxBytes: MAX_PAGE_BYTES,
      headers: { accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8" },
    });
    return {
      kind: "response",
      status: res.status,
      finalUrl: res.url,
      body: decodeText(res.body).text,
      headers: res.headers,
      elapsedMs: res.elapsedMs,
    };
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    return { kind: "error", code: error.code, elapsedMs: Math.round(performance.now() - started) };
  }
}

export async function checkInstance(deps: Deps, instanceId: string): Promise<CheckResult | null> {
  const instance = await repo.findInstance(deps.db, instanceId);
  if (!instance) return null;
  const obs = await observe(deps, instance.url);
  const verdict = judge(obs, instance.software, deps.config.entraide.slowAfterMs);
  const next = nextHealth(
    { health: instance.health, failures: instance.failures, successes: instance.successes },
    verdict.ok,
    deps.config.entraide,
  );
  const checkedAt = deps.now().toISOString();
  const changed = next.health !== instance.health;
  await deps.db.transaction().execute((trx) =>
    daily.saveCheck(
      trx,
      instance.id,
      {
        ...next,
        checkedAt,
        status: obs.kind === "response" ? obs.status : null,
        ms: obs.kind === "response" ? obs.elapsedMs : null,
        reason: verdict.reason,
        changed,
      },
      verdict.ok,
    ),
  );
  if (next.health === "down" && (await daily.claimAlert(deps.db, instance.id, checkedAt))) {
    await sendDownAlert(deps, instance, verdict);
  }
  return { instanceId: instance.id, verdict, health: next.health, changed };
}

async function sendDownAlert(deps: Deps, instance: repo.InstanceView, verdict: Verdict) {
  const { config } = deps;
  for (const to of await daily.alertRecipients(deps.db, instance.member_id)) {
    const locale = to.locale && isLocale(to.locale) ? to.locale : config.defaultLocale;
    const t = translator(locale);
    const service = locale === "fr" ? instance.service_name_fr : instance.service_name_en;
    await deps.mailer.send({
      to: to.email,
      kind: "instance-down",
      subject: t("entraide.mail.down.subject", { service, member: instance.member_name }),
      text: t("entraide.mail.down.body", {
        service,
        software: softwareName(instance.software),
        member: instance.member_name,
        url: instance.url,
        reason: t(`entraide.reason.${verdict.reason}`),
        link: `${config.baseUrl}/${locale}/entraide/members/${instance.member_slug}`,
        collective: config.collective.name,
      }),
    });
  }
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** One line for the logs and /admin/jobs: where the checked instances stand now. */
export async function healthSummary(deps: Deps): Promise<string> {
  const rows = await daily.healthCounts(deps.db);
  const count = (health: Health) => rows.find((r) => r.health === health)?.n ?? 0;
  return `${count("up")} up, ${count("down")} down, ${count("unknown")} not yet decided`;
}

/** The whole run in one go (the fan-out in entraide.jobs.ts does the same, item by item). */
export async function runChecks(deps: Deps, signal?: AbortSignal): Promise<string> {
  const ids = (await daily.instancesToCheck(deps.db))
    .map((id) => ({ id, order: Math.random() }))
    .sort((a, b) => a.order - b.order)
    .map((x) => x.id);
  const tally = { up: 0, down: 0, changed: 0, errors: 0 };
  await pool(ids, deps.config.entraide.checkConcurrency, async (id) => {
    if (signal?.aborted) return;
    try {
      const result = await checkInstance(deps, id);
      if (!result) return;
      if (result.verdict.ok) tally.up++;
      else tally.down++;
      if (result.changed) tally.changed++;
    } catch (error) {
      tally.errors++;
      deps.log.warn({ err: error, instance: id }, "entraide check failed");
    }
  });
  const portal = portalFor(deps);
  await portal.refresh();
  await portal.flush();
  return `checked ${ids.length}: ${tally.up} passed, ${tally.down} failed, ${tally.changed} changed state${
    tally.errors ? `, ${tally.errors} errors` : ""
  }`;
}

/**
 * Vets a URL a member submits: refuses what can never serve visitors (private addresses, another
 * domain, a name that does not resolve, a bad certificate). A timeout or an error status is let
 * through: the instance may be down for a moment, and the checks will tell.
 */
export async function vetUrl(deps: Deps, url: string, t: Translator): Promise<FieldError | null> {
  const obs = await observe(deps, url);
  if (obs.kind === "response") return null;
  switch (obs.code) {
    case "bad-url":
      return { key: "entraide.error.url_scheme" };
    case "blocked-address":
      return { key: "entraide.error.url_private" };
    case "redirect-off-site":
      return { key: "entraide.error.url_redirect" };
    case "dns":
    case "tls":
    case "too-many-redirects":
      return { key: "entraide.error.url_unreachable", vars: { reason: t(`entraide.reason.${obs.code}`) } };
    default:
      return null;
  }
}
