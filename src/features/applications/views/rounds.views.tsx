import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import {
  Checkbox,
  Csrf,
  ErrorSummary,
  FormFields,
  SelectField,
  TextField,
} from "../../../views/components.js";
import { MAJORITIES, QUORUM_OUTCOMES, TIE_OUTCOMES } from "../applications.tables.js";
import { can } from "../applications.policy.js";
import type { Round } from "../rounds/rounds.repository.js";
import type { RoundApplication } from "../rounds/round-applications.repository.js";
import { nextPhase } from "../rounds/phases.js";
import { PHASE_KEY, PhaseBadge, StatusBadge } from "./common.js";
import { ResultSummary } from "./decision.views.js";
import { roundName } from "../../../i18n/index.js";

export function RoundDates({ c, round }: { c: AppContext; round: Round }) {
  const t = c.get("t");
  return (
    <dl class="figures__list">
      <div>
        <dt>{t("applications.round.opens")}</dt>
        <dd>{t.date(round.opensAt)}</dd>
      </div>
      <div>
        <dt>{t("applications.round.review")}</dt>
        <dd>{t.date(round.reviewAt)}</dd>
      </div>
      <div>
        <dt>{t("applications.round.vote")}</dt>
        <dd>{t.date(round.voteAt)}</dd>
      </div>
      <div>
        <dt>{t("applications.round.closes")}</dt>
        <dd>{t.date(round.closesAt)}</dd>
      </div>
    </dl>
  );
}

export function RoundRules({ c, round }: { c: AppContext; round: Round }) {
  const t = c.get("t");
  return (
    <ul>
      <li>
        {round.rules.quorumPercent > 0
          ? t("applications.rules.quorum", { percent: round.rules.quorumPercent })
          : t("applications.rules.no_quorum")}
      </li>
      <li>{t(`applications.rules.majority.${round.rules.majority}`)}</li>
      <li>{t(`applications.rules.tie.${round.rules.tieOutcome}`)}</li>
      {round.rules.quorumPercent > 0 ? (
        <li>{t(`applications.rules.quorum_outcome.${round.rules.quorumOutcome}`)}</li>
      ) : null}
      <li>{round.resultsHidden ? t("applications.rules.hidden") : t("applications.rules.visible")}</li>
    </ul>
  );
}

export function RoundsPage({ c, rounds }: { c: AppContext; rounds: Round[] }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("applications.rounds.title")} section="join">
      <h1>{t("applications.rounds.title")}</h1>
      <p class="lead">{t("applications.rounds.intro")}</p>
      {rounds.length === 0 ? <p>{t("applications.rounds.none")}</p> : null}
      <ul class="plain-list">
        {rounds.map((r) => (
          <li>
            <a href={href(c, `/rounds/${r.id}`)}>{roundName(t, r.label)}</a>{" "}
            <PhaseBadge c={c} phase={r.phase} />{" "}
            {t("applications.rounds.decided_on", { date: t.date(r.closesAt) })}
          </li>
        ))}
      </ul>
      {can(c.get("person"), "round.manage") ? (
        <p>
          <a class="button" href={href(c, "/rounds/new")}>
            {t("applications.round.new")}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

function AdvanceForm({ c, round }: { c: AppContext; round: Round }) {
  const t = c.get("t");
  const next = nextPhase(round.phase);
  if (!next || !can(c.get("person"), "round.manage")) return null;
  return (
    <form method="post" action={href(c, `/rounds/${round.id}/advance`)} class="narrow">
      <Csrf c={c} />
      <input type="hidden" name="from" value={round.phase} />
      <p class="field__hint">{t("applications.round.advance_hint")}</p>
      <button type="submit" class="button button--secondary">
        {t("applications.round.advance", { phase: t(PHASE_KEY[next]) })}
      </button>
    </form>
  );
}

export function RoundPage({
  c,
  round,
  applications,
  error,
}: {
  c: AppContext;
  round: Round;
  applications: RoundApplication[];
  error?: string;
}) {
  const t = c.get("t");
  const decided = round.phase === "decided";
  return (
    <Layout c={c} title={roundName(t, round.label)} section="join">
      <h1>
        {roundName(t, round.label)} <PhaseBadge c={c} phase={round.phase} />
      </h1>
      {error ? (
        <div class="error-summary" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <RoundDates c={c} round={round} />
      <h2>{t("applications.rules.title")}</h2>
      <RoundRules c={c} round={round} />
      <h2>{t("applications.round.applications")}</h2>
      {applications.length === 0 ? <p>{t("applications.round.none")}</p> : null}
      <ul class="plain-list">
        {applications.map((a) => {
          const result = decided ? a.decision?.result : undefined;
          return (
            <li>
              <strong>{a.memberName}</strong> <StatusBadge c={c} status={a.status} />{" "}
              {can(c.get("person"), "application.read", {
                memberId: a.memberId,
                kind: "application",
                status: a.status,
                phase: round.phase,
              }) ? (
                <a href={href(c, `/applications/${a.id}`)}>{t("applications.round.open_application")}</a>
              ) : null}
              {a.decision ? (
                <>
                  {" · "}
                  <a href={href(c, `/decisions/${a.decision.id}`)}>{t("applications.round.open_vote")}</a>
                </>
              ) : null}
              {result ? <ResultSummary c={c} result={result} /> : null}
            </li>
          );
        })}
      </ul>
      <AdvanceForm c={c} round={round} />
      <p>
        <a href={href(c, "/rounds")}>{t("applications.rounds.all")}</a>
      </p>
    </Layout>
  );
}

export function NewRoundPage({
  c,
  values,
  errors,
}: {
  c: AppContext;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const t = c.get("t");
  const choice = <T extends string>(list: readonly T[], key: (v: T) => string) =>
    list.map((v) => ({ value: v, label: key(v) }));
  return (
    <Layout c={c} title={t("applications.round.new")} section="join">
      <h1>{t("applications.round.new")}</h1>
      <p>{t("applications.round.new_intro")}</p>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action={href(c, "/rounds/new")} class="narrow" novalidate>
        <Csrf c={c} />
        <FormFields c={c} values={values} errors={errors}>
          <TextField name="label" label={t("applications.round.label")} required />
          <TextField name="opens_on" type="date" label={t("applications.round.opens")} required />
          <TextField name="review_on" type="date" label={t("applications.round.review")} required />
          <TextField name="vote_on" type="date" label={t("applications.round.vote")} required />
          <TextField name="closes_on" type="date" label={t("applications.round.closes")} required />
          <TextField
            name="quorum_percent"
            type="number"
            label={t("applications.round.quorum")}
            hint={t("applications.round.quorum_hint")}
          />
          <SelectField
            name="majority"
            label={t("applications.round.majority")}
            required
            options={choice(MAJORITIES, (m) => t(`applications.rules.majority.${m}`))}
          />
          <SelectField
            name="tie_outcome"
            label={t("applications.round.tie")}
            required
            options={choice(TIE_OUTCOMES, (m) => t(`applications.rules.tie.${m}`))}
          />
          <SelectField
            name="quorum_outcome"
            label={t("applications.round.quorum_outcome")}
            required
            options={choice(QUORUM_OUTCOMES, (m) => t(`applications.rules.quorum_outcome.${m}`))}
          />
          <Checkbox
            name="results_hidden"
            label={t("applications.round.results_hidden")}
            checked={values ? values.results_hidden === "1" : true}
          />
        </FormFields>
        <button type="submit" class="button">
          {t("form.save")}
        </button>
      </form>
    </Layout>
  );
}
