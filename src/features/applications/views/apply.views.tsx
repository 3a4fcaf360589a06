import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Csrf } from "../../../views/components.js";
import type { Round } from "../rounds/rounds.repository.js";
import type { CandidateStructure } from "../workflows.js";
import { RoundDates, RoundRules } from "./rounds.views.js";
import { PHASE_KEY, StatusBadge } from "./common.js";
import { roundName } from "../../../i18n/index.js";

function Structures({ c, structures }: { c: AppContext; structures: CandidateStructure[] }) {
  const t = c.get("t");
  if (!c.get("person")) {
    return (
      <p>
        <a class="button" href={`${href(c, "/login")}?next=${encodeURIComponent(href(c, "/apply"))}`}>
          {t("layout.signin")}
        </a>{" "}
        <a href={href(c, "/signup")}>{t("applications.apply.signup")}</a>
      </p>
    );
  }
  if (structures.length === 0) {
    return (
      <>
        <p>{t("applications.apply.no_structure")}</p>
        <p>
          <a class="button" href={href(c, "/members/new")}>
            {t("applications.apply.create_structure")}
          </a>
        </p>
      </>
    );
  }
  return (
    <div>
      {structures.map((s) => (
        <article class="card">
          <h3>{s.name}</h3>
          <p>
            <a href={href(c, `/members/${s.slug}/edit`)}>{t("applications.apply.edit_structure")}</a>
            {" · "}
            <a href={href(c, `/members/${s.slug}/services/new`)}>{t("applications.apply.add_service")}</a>
          </p>
          {s.application ? (
            <p>
              <StatusBadge c={c} status={s.application.status} />{" "}
              <a class="button" href={href(c, `/applications/${s.application.id}`)}>
                {t("applications.apply.continue")}
              </a>
            </p>
          ) : null}
          {!s.application || s.application.status === "refused" ? (
            <form method="post" action={href(c, "/applications")}>
              <Csrf c={c} />
              <input type="hidden" name="member" value={s.id} />
              <button type="submit" class="button">
                {s.application ? t("applications.apply.start_again") : t("applications.apply.start")}
              </button>
            </form>
          ) : null}
        </article>
      ))}
    </div>
  );
}

export function ApplyPage({
  c,
  open,
  next,
  running,
  structures,
}: {
  c: AppContext;
  open: Round | undefined;
  next: Round | undefined;
  running: Round | undefined;
  structures: CandidateStructure[];
}) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("applications.apply.title")} section="join">
      <h1>{t("applications.apply.title")}</h1>
      <p class="lead">{t("applications.apply.intro")}</p>
      {running ? (
        <p>
          {t("applications.apply.running", {
            round: roundName(t, running.label),
            phase: t(PHASE_KEY[running.phase]),
            date: t.date(running.closesAt),
          })}{" "}
          <a href={href(c, `/rounds/${running.id}`)}>{t("applications.round.applications")}</a>
        </p>
      ) : null}
      {open ? (
        <>
          <p>
            {t("applications.apply.open", { round: roundName(t, open.label), date: t.date(open.reviewAt) })}
          </p>
          <RoundDates c={c} round={open} />
          <h2>{t("applications.rules.title")}</h2>
          <RoundRules c={c} round={open} />
        </>
      ) : next ? (
        <p>{t("applications.apply.next", { round: roundName(t, next.label), date: t.date(next.opensAt) })}</p>
      ) : (
        <p>{t("applications.apply.no_round")}</p>
      )}
      <h2>{t("applications.apply.steps")}</h2>
      <ol>
        <li>{t("applications.apply.step1")}</li>
        <li>{t("applications.apply.step2")}</li>
        <li>{t("applications.apply.step3")}</li>
        <li>{t("applications.apply.step4")}</li>
        <li>{t("applications.apply.step5")}</li>
      </ol>
      <p>
        <a href={href(c, "/charter")}>{t("applications.apply.read_charter")}</a>
        {" · "}
        <a href={href(c, "/rounds")}>{t("applications.rounds.all")}</a>
      </p>
      <h2>{t("applications.apply.your_structures")}</h2>
      <Structures c={c} structures={structures} />
    </Layout>
  );
}
