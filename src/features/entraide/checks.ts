import type { Deps } from "../../deps.js";
import { inTransaction } from "../../db/adapter.js";
import { newSortableId } from "../../db/ids.js";
import { audit } from "../../audit/audit.js";
import { translator, isLocale, writtenText, type Translator } from "../../i18n/index.js";
import type { FieldError } from "../../http/forms.js";
import { lookedFor, probe } from "../../probe/probe.js";
import { observationsAfter, observationsOf, type StoredObservation } from "../../probe/probe.repository.js";
import { observeNow, type ProbeSource } from "../../probe/rounds.js";
import { expectationsFor, judge, nextHealth, type HealthState, type Verdict } from "./health.js";
import type { Health } from "./entraide.tables.js";
import * as repo from "./entraide.repository.js";
import * as daily from "./daily.repository.js";
import { alertRecipients } from "./directory.port.js";
import { describeInstance, describeInstances, type InstanceView } from "./instances.js";
import { portalFor } from "./live.js";
import { softwareName } from "./software.js";

/**
 * The portal's health, drawn from the platform's observations (decisions 031 and 017). The probe
 * job observes each instance's address every ENTRAIDE_CHECK_INTERVAL (with the software's markers
 * and ENTRAIDE_SLOW_AFTER as expectations); after each round the portal folds the observations it
 * has not judged yet into each instance's hysteresis, and mails a structure whose instance went down.
 */

export interface CheckResult {
  instanceId: string;
  verdict: Verdict;
  health: Health;
  changed: boolean;
}

/** Approved, unpaused instances of listed services: the ones the portal judges. */
async function judged(deps: Deps): Promise<InstanceView[]> {
  const views = await describeInstances(deps.db, await repo.activeInstances(deps.db));
  return views.filter((v) => v.listed);
}

const expectations = (deps: Deps, v: InstanceView) =>
  expectationsFor(v.software, deps.config.entraide.slowAfterMs);

/** What the portal asks of the probe job. */
export function entraideProbes(deps: Deps): ProbeSource {
  const { entraide } = deps.config;
  return {
    name: "entraide",
    intervalMs: entraide.checkIntervalMs,
    concurrency: entraide.checkConcurrency,
    wanted: async () =>
      (await judged(deps))
        .filter((v) => !v.moved)
        .map((v) => ({ url: v.url, expectations: expectations(deps, v) })),
    afterRound: async () => {
      await judgeAll(deps);
      const portal = portalFor(deps);
      await portal.refresh();
      await portal.flush();
      return healthSummary(deps);
    },
  };
}

/** Another address is another server: back to review, judged afresh (the directory changed it). */
async function sendBackToReview(deps: Deps, v: InstanceView): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    await repo.updateInstance(trx, v.id, {
      approval: "pending",
      reviewedUrl: v.url,
      resetHealth: { judgedUntil: newSortableId() },
    });
    await audit(trx, {
      actor: null,
      action: "entraide.instance.moved",
      subject: { type: "entraide_instance", id: v.id },
      data: { from: v.reviewedUrl, to: v.url },
    });
  });
}

/**
 * Folds the observations of its address made since the last judgement into the instance's health
 * (`observed`: those observations, when the caller read them for many instances at once).
 */
export async function judgeInstance(
  deps: Deps,
  v: InstanceView,
  observed?: StoredObservation[],
): Promise<CheckResult | null> {
  if (v.moved) {
    await sendBackToReview(deps, v);
    return null;
  }
  const wanted = expectations(deps, v);
  const since = observed ?? (await observationsAfter(deps.db, v.url, v.judgedUntil));
  const fresh = since.filter((o) => (v.judgedUntil === null || o.id > v.judgedUntil) && lookedFor(o, wanted));
  const last = fresh[fresh.length - 1];
  if (!last) return null;
  let state: HealthState = { health: v.health, failures: v.failures, successes: v.successes };
  let verdict: Verdict = { ok: false, reason: "empty" };
  let changedAt: string | null = null;
  for (const o of fresh) {
    verdict = judge(o, v.software, deps.config.entraide.slowAfterMs);
    const next = nextHealth(state, verdict.ok, deps.config.entraide);
    if (next.health !== state.health) changedAt = o.observedAt;
    state = next;
  }
  await daily.saveJudgement(deps.db, v.id, {
    ...state,
    judgedUntil: last.id,
    checkedAt: last.observedAt,
    status: last.status,
    ms: last.status === null ? null : last.elapsedMs,
    reason: verdict.reason,
    changedAt,
  });
  if (state.health === "down" && (await daily.claimAlert(deps.db, v.id, last.observedAt)))
    await sendDownAlert(deps, v, verdict);
  return { instanceId: v.id, verdict, health: state.health, changed: changedAt !== null };
}

/** Judges every instance, from one read of the observations made since the oldest judgement. */
async function judgeAll(deps: Deps): Promise<void> {
  const views = await judged(deps);
  const cursors = views.map((v) => v.judgedUntil);
  const oldest = cursors.includes(null)
    ? null
    : cursors.reduce((a, b) => ((a ?? "") < (b ?? "") ? a : b), cursors[0] ?? null);
  const observed = await observationsOf(
    deps.db,
    views.filter((v) => !v.moved).map((v) => v.url),
    oldest,
  );
  for (const v of views) {
    try {
      await judgeInstance(deps, v, observed.get(v.url) ?? []);
    } catch (error) {
      deps.log.warn({ err: error, instance: v.id }, "entraide judgement failed");
    }
  }
}

async function sendDownAlert(deps: Deps, v: InstanceView, verdict: Verdict) {
  const { config } = deps;
  for (const to of await alertRecipients(deps.db, v.memberId)) {
    const locale = to.locale && isLocale(to.locale) ? to.locale : config.defaultLocale;
    const t = translator(locale);
    const service = writtenText(locale, v.serviceName).text;
    await deps.mailer.send({
      to: to.email,
      kind: "instance-down",
      subject: t("entraide.mail.down.subject", { service, member: v.memberName }),
      text: t("entraide.mail.down.body", {
        service,
        software: softwareName(v.software ?? ""),
        member: v.memberName,
        url: v.url,
        reason: t(`entraide.reason.${verdict.reason}`),
        link: `${config.baseUrl}/${locale}/entraide/members/${v.memberSlug}`,
        collective: config.collective.name,
      }),
    });
  }
}

const limits = (deps: Deps, signal?: AbortSignal) => ({
  concurrency: deps.config.entraide.checkConcurrency,
  perHost: deps.config.entraide.checkConcurrency,
  signal,
});

/** Observes one instance now (a member fixed their server) and judges it. */
export async function checkInstance(deps: Deps, instanceId: string): Promise<CheckResult | null> {
  const instance = await repo.findInstance(deps.db, instanceId);
  if (!instance) return null;
  const v = await describeInstance(deps.db, instance);
  if (!v.moved && v.listed)
    await observeNow(deps, [{ url: v.url, expectations: expectations(deps, v) }], limits(deps));
  return judgeInstance(deps, v);
}

/** One line for the logs and /admin/jobs: where the judged instances stand now. */
export async function healthSummary(deps: Deps): Promise<string> {
  const rows = await daily.healthCounts(deps.db);
  const count = (health: Health) => rows.find((r) => r.health === health)?.n ?? 0;
  return `${count("up")} up, ${count("down")} down, ${count("unknown")} not yet decided`;
}

/** Observes every judged instance now, whatever the schedule, and judges them. */
export async function runChecks(deps: Deps, signal?: AbortSignal): Promise<string> {
  const views = await judged(deps);
  await observeNow(
    deps,
    views.filter((v) => !v.moved).map((v) => ({ url: v.url, expectations: expectations(deps, v) })),
    limits(deps, signal),
  );
  const tally = { up: 0, down: 0, changed: 0 };
  for (const v of views) {
    const result = await judgeInstance(deps, v);
    if (!result) continue;
    if (result.verdict.ok) tally.up++;
    else tally.down++;
    if (result.changed) tally.changed++;
  }
  const portal = portalFor(deps);
  await portal.refresh();
  await portal.flush();
  return `checked ${views.length}: ${tally.up} passed, ${tally.down} failed, ${tally.changed} changed state`;
}

/**
 * Vets an address a member lends: refuses what can never serve visitors (private addresses,
 * another domain, a name that does not resolve, a bad certificate). A timeout or an error status
 * is let through: the instance may be down for a moment, and the checks will tell.
 */
export async function vetUrl(deps: Deps, url: string, t: Translator): Promise<FieldError | null> {
  const obs = await probe(deps, url);
  switch (obs.error) {
    case "bad-url":
      return { key: "entraide.error.url_scheme" };
    case "blocked-address":
      return { key: "entraide.error.url_private" };
    case "redirect-off-site":
      return { key: "entraide.error.url_redirect" };
    case "dns":
    case "tls":
    case "too-many-redirects":
      return { key: "entraide.error.url_unreachable", vars: { reason: t(`entraide.reason.${obs.error}`) } };
    default:
      return null;
  }
}
