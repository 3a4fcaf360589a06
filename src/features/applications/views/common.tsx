import type { AppContext } from "../../../http/context.js";
import { hasMessage, type MessageKey } from "../../../i18n/index.js";
import { Badge } from "../../../views/components.js";
import type {
  Answer,
  ApplicationStatus,
  CheckStatus,
  CriterionLevel,
  Phase,
} from "../applications.tables.js";

/** Keys for enumerated values, spelled out so that the type checker sees every one. */
export const PHASE_KEY: Record<Phase, MessageKey> = {
  upcoming: "applications.phase.upcoming",
  open: "applications.phase.open",
  review: "applications.phase.review",
  vote: "applications.phase.vote",
  decided: "applications.phase.decided",
};

const STATUS_KEY: Record<ApplicationStatus, MessageKey> = {
  draft: "applications.status.draft",
  submitted: "applications.status.submitted",
  voting: "applications.status.voting",
  accepted: "applications.status.accepted",
  refused: "applications.status.refused",
  postponed: "applications.status.postponed",
  completed: "applications.status.completed",
};

export const ANSWER_KEY: Record<Answer, MessageKey> = {
  meets: "applications.answer.meets",
  partly: "applications.answer.partly",
  not_yet: "applications.answer.not_yet",
};

export const LEVEL_KEY: Record<CriterionLevel, MessageKey> = {
  required: "applications.level.required",
  recommended: "applications.level.recommended",
};

const CHECK_STATUS_KEY: Record<CheckStatus, MessageKey> = {
  pass: "applications.check.status.pass",
  warn: "applications.check.status.warn",
  fail: "applications.check.status.fail",
  skip: "applications.check.status.skip",
};

export const CHECK_NAME_KEY: Record<string, MessageKey> = {
  "website-tls": "applications.check.name.website-tls",
  "legal-pages": "applications.check.name.legal-pages",
  "no-trackers": "applications.check.name.no-trackers",
  chatonsinfos: "applications.check.name.chatonsinfos",
  "services-reachable": "applications.check.name.services-reachable",
};

export function StatusBadge({ c, status }: { c: AppContext; status: ApplicationStatus }) {
  const tone =
    status === "accepted" || status === "completed"
      ? "ok"
      : status === "refused"
        ? "bad"
        : status === "draft"
          ? "neutral"
          : "info";
  return <Badge tone={tone}>{c.get("t")(STATUS_KEY[status])}</Badge>;
}

export function PhaseBadge({ c, phase }: { c: AppContext; phase: Phase }) {
  return <Badge tone={phase === "decided" ? "neutral" : "info"}>{c.get("t")(PHASE_KEY[phase])}</Badge>;
}

export function CheckBadge({ c, status }: { c: AppContext; status: CheckStatus }) {
  const tone = status === "pass" ? "ok" : status === "warn" ? "warn" : status === "fail" ? "bad" : "neutral";
  return <Badge tone={tone}>{c.get("t")(CHECK_STATUS_KEY[status])}</Badge>;
}

/** Translates a stored message (key and variables); variables that are keys are translated too. */
export function storedMessage(
  c: AppContext,
  detail: { key: string; vars: Record<string, string | number> },
): string {
  const t = c.get("t");
  const locale = c.get("locale");
  if (!hasMessage(locale, detail.key)) return detail.key;
  const vars = Object.fromEntries(
    Object.entries(detail.vars).map(([k, v]) => [
      k,
      typeof v === "string" && hasMessage(locale, v) ? t(v) : v,
    ]),
  );
  return t(detail.key, vars);
}

/** A refusal or error message shown above a form. */
export function Alert({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p>{text}</p>
    </div>
  );
}

export const dateOnly = (c: AppContext, iso: string) => c.get("t").date(iso);
