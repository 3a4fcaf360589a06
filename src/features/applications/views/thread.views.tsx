import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Badge, Csrf, ErrorSummary, FormFields, SelectField, TextArea } from "../../../views/components.js";
import { REVIEW_STATES } from "../applications.tables.js";
import type { Criterion } from "../charter/charter.repository.js";
import { localized } from "../charter/charter-text.js";
import type { CriterionReview, ThreadMessage } from "../review.repository.js";

export function ThreadSection(props: {
  c: AppContext;
  applicationId: string;
  messages: ThreadMessage[];
  criteria: Criterion[];
  role: "reviewer" | "candidate" | null;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { c } = props;
  const t = c.get("t");
  const locale = c.get("locale");
  return (
    <section id="thread">
      <h2>{t("applications.thread.title")}</h2>
      {props.messages.length === 0 ? <p>{t("applications.thread.none")}</p> : null}
      <ol class="plain-list thread">
        {props.messages.map((m) => (
          <li class="card" id={`message-${m.id}`}>
            <p>
              <strong>{m.authorName}</strong>
              {m.memberName ? ` (${m.memberName})` : ""}{" "}
              <Badge tone={m.role === "reviewer" ? "info" : "neutral"}>
                {t(`applications.thread.role.${m.role}`)}
              </Badge>{" "}
              {m.criterionCode ? <Badge tone="neutral">{m.criterionCode}</Badge> : null}{" "}
              <small>{t.dateTime(m.createdAt)}</small>
            </p>
            {m.body.split(/\n{2,}/).map((p) => (
              <p class="thread__body">{p}</p>
            ))}
          </li>
        ))}
      </ol>
      {props.role ? (
        <form
          method="post"
          action={href(c, `/applications/${props.applicationId}/messages`)}
          class="narrow"
          novalidate
        >
          <Csrf c={c} />
          <ErrorSummary c={c} errors={props.errors} />
          <FormFields c={c} values={props.values} errors={props.errors}>
            <TextArea
              name="body"
              label={
                props.role === "reviewer" ? t("applications.thread.ask") : t("applications.thread.answer")
              }
              required
              rows={5}
              maxlength={4000}
            />
            <SelectField
              name="criterion"
              label={t("applications.thread.criterion")}
              placeholder={t("applications.thread.no_criterion")}
              options={props.criteria.map((cr) => ({
                value: cr.id,
                label: `${cr.code} ${localized(cr, "title", locale)}`,
              }))}
            />
          </FormFields>
          <button type="submit" class="button">
            {t("applications.thread.send")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Marks on one criterion, and the form to add or change one's own. */
export function CriterionReviews({
  c,
  applicationId,
  criterion,
  reviews,
  canReview,
}: {
  c: AppContext;
  applicationId: string;
  criterion: Criterion;
  reviews: CriterionReview[];
  canReview: boolean;
}) {
  const t = c.get("t");
  const mine = reviews.find((r) => r.personId === c.get("person")?.id && r.criterionId === criterion.id);
  const marks = reviews.filter((r) => r.criterionId === criterion.id);
  return (
    <div class="criterion-review">
      {marks.length > 0 ? (
        <ul>
          {marks.map((r) => (
            <li>
              <Badge tone={r.state === "verified" ? "ok" : "warn"}>
                {t(`applications.review.${r.state}`)}
              </Badge>{" "}
              {r.reviewerName}
              {r.memberName ? ` (${r.memberName})` : ""}
              {r.note ? ` : ${r.note}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {canReview ? (
        <form method="post" action={href(c, `/applications/${applicationId}/reviews`)} class="inline-filters">
          <Csrf c={c} />
          <input type="hidden" name="criterion" value={criterion.id} />
          {/* One form per criterion: ids carry the criterion so labels stay unique on the page. */}
          <div class="field">
            <label for={`state-${criterion.id}`}>{t("applications.review.mark")}</label>
            <select id={`state-${criterion.id}`} name="state" required>
              {REVIEW_STATES.map((s) => (
                <option value={s} selected={mine?.state === s}>
                  {t(`applications.review.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`note-${criterion.id}`}>{t("applications.review.note")}</label>
            <input id={`note-${criterion.id}`} name="note" value={mine?.note ?? ""} maxlength={500} />
          </div>
          <button type="submit" class="button button--small">
            {t("applications.review.save")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
