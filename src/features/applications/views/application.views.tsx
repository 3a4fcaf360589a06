import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Csrf } from "../../../views/components.js";
import type { Application, RefusalReasons } from "../applications.repository.js";
import type { StoredAnswer } from "../answers.repository.js";
import type { Blocker } from "../blocking.js";
import { allCriteria, type Charter, type Criterion } from "../charter/charter.repository.js";
import { charterTexts } from "../charter/charter-text.js";
import { Written } from "../../../views/written.js";
import type { LatestChecks } from "../checks/checks.repository.js";
import type { CriterionReview, ThreadMessage } from "../review.repository.js";
import type { DecisionView } from "../votes/decision-view.js";
import { ChecksSection } from "./checks.views.js";
import { ANSWER_KEY, Alert, LEVEL_KEY, StatusBadge } from "./common.js";
import { ResultSummary, VoteSection, BallotList } from "./decision.views.js";
import { StepNav } from "./step.views.js";
import { CriterionReviews, ThreadSection } from "./thread.views.js";
import { ofName, roundName } from "../../../i18n/index.js";

export interface ApplicationPageProps {
  c: AppContext;
  app: Application;
  charter: Charter;
  answers: Map<string, StoredAnswer>;
  blockers: Blocker[];
  progress: { answered: number; total: number };
  checks: LatestChecks;
  messages: ThreadMessage[];
  reviews: CriterionReview[];
  decision: DecisionView | undefined;
  can: { edit: boolean; submit: boolean; review: boolean; answer: boolean; recheck: boolean };
  error?: string | undefined;
  thread?: { values: FormValues; errors: FieldErrors } | undefined;
}

function BlockerItem({
  c,
  app,
  blocker,
  criteria,
}: {
  c: AppContext;
  app: Application;
  blocker: Blocker;
  criteria: Criterion[];
}) {
  const t = c.get("t");
  if (blocker.kind === "no-website" || blocker.kind === "no-service") {
    const path =
      blocker.kind === "no-website"
        ? `/members/${app.structure.slug}/edit`
        : `/members/${app.structure.slug}/services/new`;
    return (
      <li>
        <a href={href(c, path)}>{t(`applications.blocker.${blocker.kind}`)}</a>
      </li>
    );
  }
  const cr = criteria.find((x) => x.id === blocker.criterionId);
  const letter = cr ? blocker.code.charAt(0) : "";
  return (
    <li>
      <a href={`${href(c, `/applications/${app.id}/parts/${letter}`)}#field-answer_${blocker.criterionId}`}>
        {blocker.code} {cr ? <Written locale={c.get("locale")} texts={charterTexts(cr, "title")} /> : null}
      </a>{" "}
      — {t(`applications.blocker.${blocker.kind}`)}
    </li>
  );
}

/** How many answers are still last time's, waiting to be confirmed or changed. */
const carried = (answers: Map<string, StoredAnswer>) =>
  [...answers.values()].filter((a) => a.carriedFrom).length;

function SubmitSection({ c, props }: { c: AppContext; props: ApplicationPageProps }) {
  const t = c.get("t");
  const { app, blockers } = props;
  if (app.status !== "draft") return null;
  return (
    <section id="submit">
      <h2>{t("applications.app.blockers")}</h2>
      <p>
        {t("applications.app.progress", { answered: props.progress.answered, total: props.progress.total })}
      </p>
      {carried(props.answers) ? (
        <p>{t("applications.app.carried", { count: carried(props.answers) })}</p>
      ) : null}
      {blockers.length === 0 ? (
        <p>{t("applications.app.no_blockers")}</p>
      ) : (
        <ul>
          {blockers.map((b) => (
            <BlockerItem c={c} app={app} blocker={b} criteria={allCriteria(props.charter)} />
          ))}
        </ul>
      )}
      {props.can.submit ? (
        <form method="post" action={href(c, `/applications/${app.id}/submit`)}>
          <Csrf c={c} />
          <p class="field__hint">
            {app.kind === "application"
              ? t("applications.app.submit_hint")
              : t("applications.app.complete_hint")}
          </p>
          <button type="submit" class="button" disabled={blockers.length > 0}>
            {app.kind === "application" ? t("applications.app.submit") : t("applications.app.complete")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function Reasons({ c, reasons }: { c: AppContext; reasons: RefusalReasons }) {
  const t = c.get("t");
  const locale = c.get("locale");
  return (
    <section>
      <h2>{t("applications.app.reasons")}</h2>
      <p>{t(`applications.outcome.${reasons.outcome}`)}</p>
      <ul>
        {reasons.against.map((r) => (
          <li>{r}</li>
        ))}
        {reasons.questioned.map((q) => (
          <li>
            {q.code} <Written locale={locale} texts={{ fr: q.titleFr, en: q.titleEn, de: q.titleDe }} />
            {q.notes.length ? ` : ${q.notes.join(" ; ")}` : ""}
          </li>
        ))}
      </ul>
      {reasons.against.length === 0 && reasons.questioned.length === 0 ? (
        <p>{t("applications.reasons.none")}</p>
      ) : null}
    </section>
  );
}

function Answers({ c, props }: { c: AppContext; props: ApplicationPageProps }) {
  const t = c.get("t");
  const locale = c.get("locale");
  return (
    <section id="answers">
      <h2>{t("applications.app.answers")}</h2>
      {props.charter.parts.map((part) => (
        <>
          <h3>
            {part.letter} — <Written locale={locale} texts={charterTexts(part, "name")} />
            {props.can.edit ? (
              <>
                {" "}
                <a
                  class="button button--small"
                  href={href(c, `/applications/${props.app.id}/parts/${part.letter}`)}
                >
                  {t("applications.app.edit_part")}
                </a>
              </>
            ) : null}
          </h3>
          <div>
            {part.criteria.map((cr) => {
              const a = props.answers.get(cr.id);
              return (
                <article class="card" id={`answer-${cr.code}`}>
                  <p>
                    <strong>{cr.code}</strong> <Written locale={locale} texts={charterTexts(cr, "title")} />{" "}
                    <Badge tone="neutral">{t(LEVEL_KEY[cr.level])}</Badge>{" "}
                    <Badge tone={a?.answer === "meets" ? "ok" : a?.answer ? "warn" : "neutral"}>
                      {a?.answer ? t(ANSWER_KEY[a.answer]) : t("applications.answer.none")}
                    </Badge>
                  </p>
                  {a?.explanation ? <p>{a.explanation}</p> : null}
                  {a && a.evidence.length > 0 ? (
                    <ul>
                      {a.evidence.map((url) => (
                        <li>
                          <a href={url} rel="nofollow noopener noreferrer">
                            {url}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <CriterionReviews
                    c={c}
                    applicationId={props.app.id}
                    criterion={cr}
                    reviews={props.reviews}
                    canReview={props.can.review}
                  />
                </article>
              );
            })}
          </div>
        </>
      ))}
    </section>
  );
}

export function ApplicationPage(props: ApplicationPageProps) {
  const { c, app } = props;
  const t = c.get("t");
  const title = t(
    app.kind === "application" ? "applications.app.title" : "applications.app.reassessment_title",
    { name: app.structure.name, name_of: ofName(t.locale, app.structure.name) },
  );
  const d = props.decision;
  return (
    <Layout c={c} title={title} section="join" wide>
      <h1>
        {title} <StatusBadge c={c} status={app.status} />
      </h1>
      <p>
        <a href={href(c, `/charter/versions/${app.charterVersion}`)}>
          {t("applications.charter.version_label", { version: app.charterVersion })}
        </a>
        {app.round ? (
          <>
            {" · "}
            <a href={href(c, `/rounds/${app.round.id}`)}>{roundName(t, app.round.label)}</a>
          </>
        ) : null}
        {app.submittedAt
          ? ` · ${t("applications.app.submitted_on", { date: t.date(app.submittedAt) })}`
          : null}
        {app.dueAt && app.status === "draft"
          ? ` · ${t("applications.app.due", { date: t.date(app.dueAt) })}`
          : null}
        {" · "}
        <a href={href(c, `/members/${app.structure.slug}`)}>{t("applications.app.structure")}</a>
        {" · "}
        <a href={href(c, `/applications/${app.id}/history`)}>{t("applications.app.history")}</a>
      </p>
      <Alert text={props.error} />
      <nav class="subnav" aria-label={t("applications.app.sections")}>
        {d ? <a href="#vote">{t("applications.vote.title")}</a> : null}
        {app.kind === "application" ? <a href="#thread">{t("applications.thread.title")}</a> : null}
        <a href="#checks">{t("applications.checks.title")}</a>
        <a href="#answers">{t("applications.app.answers")}</a>
      </nav>
      {props.can.edit ? <StepNav c={c} app={app} charter={props.charter} current={null} /> : null}
      {app.status === "submitted" && !props.can.edit && props.can.answer ? (
        <p>{t("applications.app.locked")}</p>
      ) : null}
      <SubmitSection c={c} props={props} />
      {d?.shown ? (
        <section>
          <h2>
            {d.shown.provisional ? t("applications.decision.running") : t("applications.decision.results")}
          </h2>
          <ResultSummary c={c} result={d.shown.result} provisional={d.shown.provisional} />
        </section>
      ) : null}
      {d ? <VoteSection c={c} {...d} next={`${href(c, `/applications/${app.id}`)}#vote`} /> : null}
      {app.reasons ? <Reasons c={c} reasons={app.reasons} /> : null}
      {app.kind === "application" ? (
        <ThreadSection
          c={c}
          applicationId={app.id}
          messages={props.messages}
          criteria={allCriteria(props.charter)}
          role={props.can.review ? "reviewer" : props.can.answer ? "candidate" : null}
          values={props.thread?.values}
          errors={props.thread?.errors}
        />
      ) : null}
      <ChecksSection c={c} applicationId={app.id} latest={props.checks} canRerun={props.can.recheck} />
      <Answers c={c} props={props} />
      {d?.ballots ? <BallotList c={c} ballots={d.ballots} /> : null}
    </Layout>
  );
}
