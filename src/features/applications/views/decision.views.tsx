import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { ofName, type MessageKey } from "../../../i18n/index.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Csrf, FormFields, TextArea } from "../../../views/components.js";
import type { Decision } from "../votes/decisions.repository.js";
import type { ListedBallot } from "../votes/ballots.repository.js";
import type { DecisionView, VoterStructure } from "../votes/decision-view.js";
import { ABSTAIN, type TallyResult } from "../votes/tally.js";
import { Alert } from "./common.js";

const BUILT_IN: Record<string, MessageKey> = {
  for: "applications.option.for",
  against: "applications.option.against",
  [ABSTAIN]: "applications.option.abstain",
};

const optionLabel = (c: AppContext, option: string): string => {
  const key = BUILT_IN[option];
  return key ? c.get("t")(key) : option;
};

const OUTCOME_TONE: Record<TallyResult["outcome"], "ok" | "bad" | "warn"> = {
  adopted: "ok",
  rejected: "bad",
  tie: "warn",
  no_quorum: "warn",
  no_majority: "warn",
};

/** The published count: outcome, votes per option, abstentions, quorum. */
export function ResultSummary({
  c,
  result,
  provisional,
}: {
  c: AppContext;
  result: TallyResult;
  provisional?: boolean;
}) {
  const t = c.get("t");
  return (
    <div class="result">
      <p>
        <Badge tone={OUTCOME_TONE[result.outcome]}>{t(`applications.outcome.${result.outcome}`)}</Badge>{" "}
        {provisional ? t("applications.result.provisional") : t(`applications.verdict.${result.verdict}`)}
      </p>
      <ul>
        {Object.entries(result.counts).map(([option, n]) => (
          <li>{t("applications.result.count", { option: optionLabel(c, option), count: n })}</li>
        ))}
        <li>
          {t("applications.result.count", { option: optionLabel(c, ABSTAIN), count: result.abstentions })}
        </li>
      </ul>
      <p>
        {t("applications.result.participation", {
          participants: result.participants,
          electors: result.electors,
        })}
        {result.quorumRequired > 0
          ? ` ${t("applications.result.quorum", { required: result.quorumRequired })}`
          : ""}
      </p>
    </div>
  );
}

function VoteForm({
  c,
  decision,
  voter,
  next,
}: {
  c: AppContext;
  decision: Decision;
  voter: VoterStructure;
  next: string;
}) {
  const t = c.get("t");
  const b = voter.ballot;
  return (
    <form method="post" action={href(c, `/decisions/${decision.id}/vote`)} class="card narrow">
      <Csrf c={c} />
      <h3>
        {t("applications.vote.as", {
          member: voter.memberName,
          member_of: ofName(t.locale, voter.memberName),
        })}
      </h3>
      {b ? (
        <p>
          {t("applications.vote.current", {
            choice: optionLabel(c, b.choice),
            person: b.personName,
            date: t.dateTime(b.updatedAt),
          })}
        </p>
      ) : null}
      <input type="hidden" name="member" value={voter.memberId} />
      <input type="hidden" name="next" value={next} />
      {b ? (
        <>
          <input type="hidden" name="ballot" value={b.id} />
          <input type="hidden" name="version" value={b.updatedAt} />
        </>
      ) : null}
      <fieldset>
        <legend>{t("applications.vote.choice")}</legend>
        {[...decision.options, ABSTAIN].map((o) => (
          <div class="checkbox">
            <input
              type="radio"
              id={`choice-${voter.memberId}-${o}`}
              name="choice"
              value={o}
              checked={b?.choice === o}
              required
            />
            <label for={`choice-${voter.memberId}-${o}`}>{optionLabel(c, o)}</label>
          </div>
        ))}
      </fieldset>
      <FormFields c={c} values={{ reason: b?.reason ?? "" }}>
        <TextArea
          name="reason"
          label={t("applications.vote.reason")}
          hint={t("applications.vote.reason_hint")}
          rows={3}
          maxlength={1000}
        />
      </FormFields>
      <button type="submit" class="button">
        {b ? t("applications.vote.change") : t("applications.vote.submit")}
      </button>
    </form>
  );
}

/** The vote part of a decision or application page: the form, or why this person cannot vote. */
export function VoteSection(props: {
  c: AppContext;
  decision: Decision;
  voters: VoterStructure[];
  participants: number;
  next: string;
  error?: string | undefined;
}) {
  const { c, decision } = props;
  const t = c.get("t");
  const person = c.get("person");
  const open = decision.status === "open" && c.get("deps").now().toISOString() < decision.closesAt;
  return (
    <section id="vote">
      <h2>{t("applications.vote.title")}</h2>
      <p>
        <strong>
          {open
            ? t("applications.vote.deadline", { date: t.dateTime(decision.closesAt) })
            : t("applications.vote.closed_on", {
                date: t.dateTime(decision.closedAt ?? decision.closesAt),
              })}
        </strong>
      </p>
      <p>
        {t("applications.result.participation", {
          participants: props.participants,
          electors: decision.electorsCount,
        })}
      </p>
      <Alert text={props.error} />
      {open && decision.resultsHidden ? <p>{t("applications.decision.hidden")}</p> : null}
      {open && props.voters.length > 0
        ? props.voters.map((v) => <VoteForm c={c} decision={decision} voter={v} next={props.next} />)
        : null}
      {open && props.voters.length === 0 ? (
        <p>
          {!person
            ? t("applications.vote.signin")
            : person.memberships.some((m) => m.membership === "candidate")
              ? t("applications.vote.candidate")
              : t("applications.vote.not_member")}
        </p>
      ) : null}
    </section>
  );
}

export function BallotList({ c, ballots }: { c: AppContext; ballots: ListedBallot[] }) {
  const t = c.get("t");
  return (
    <section>
      <h2>{t("applications.decision.ballots")}</h2>
      <p>{t("applications.decision.reproduce")}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("applications.decision.col.structure")}</th>
              <th scope="col">{t("applications.decision.col.choice")}</th>
              <th scope="col">{t("applications.decision.col.reason")}</th>
              <th scope="col">{t("applications.decision.col.date")}</th>
            </tr>
          </thead>
          <tbody>
            {ballots.map((b) => (
              <tr>
                <td>{b.memberName}</td>
                <td>{optionLabel(c, b.choice)}</td>
                <td>{b.reason}</td>
                <td>{t.dateTime(b.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function DecisionPage(props: DecisionView & { c: AppContext; error?: string | undefined }) {
  const { c, decision, shown } = props;
  const t = c.get("t");
  return (
    <Layout c={c} title={decision.title}>
      <h1>{decision.title}</h1>
      <p>
        <Badge tone="info">{t(`applications.decision.kind.${decision.kind}`)}</Badge>{" "}
        {decision.applicationId ? (
          <a href={href(c, `/applications/${decision.applicationId}`)}>
            {t("applications.decision.application_link")}
          </a>
        ) : null}
      </p>
      {decision.body ? (
        <div class="prose">
          {decision.body.split(/\n{2,}/).map((p) => (
            <p>{p}</p>
          ))}
        </div>
      ) : null}
      <p>
        {t("applications.decision.options", {
          list: [...decision.options, ABSTAIN].map((o) => optionLabel(c, o)).join(" · "),
        })}
      </p>
      {shown ? (
        <section>
          <h2>
            {shown.provisional ? t("applications.decision.running") : t("applications.decision.results")}
          </h2>
          <ResultSummary c={c} result={shown.result} provisional={shown.provisional} />
        </section>
      ) : null}
      <VoteSection {...props} next={href(c, `/decisions/${decision.id}`)} />
      {props.ballots ? <BallotList c={c} ballots={props.ballots} /> : null}
      <p>
        <a href={href(c, "/decisions")}>{t("applications.decisions.all")}</a>
      </p>
    </Layout>
  );
}
