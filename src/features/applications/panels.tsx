import type { Child } from "hono/jsx";
import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import { belongsTo } from "../../http/policy.js";
import { Csrf } from "../../views/components.js";
import type { PanelMember } from "../feature.js";
import { structureById } from "../directory/published.js";
import { filesOfMember, lastCharterAnswer } from "./summaries.repository.js";
import { pendingFor } from "./votes/decisions.repository.js";
import { StatusBadge } from "./views/common.js";

/**
 * What a structure's dashboard shows of this feature: its own application (candidates), the votes
 * waiting for it, and its re-assessment.
 */
export async function dashboardPanel(c: AppContext, member: PanelMember): Promise<Child | null> {
  if (!belongsTo(c.get("person"), member.id)) return null;
  const { db, now } = c.get("deps");
  const t = c.get("t");
  const membership = (await structureById(db, member.id))?.membership;
  const files = await filesOfMember(db, member.id);
  const application = files.find((f) => f.kind === "application");
  const reassessment = files.find((f) => f.kind === "reassessment");
  const pending = membership === "member" ? await pendingFor(db, member.id, now()) : [];
  return (
    <section class="card">
      <h2>{t("applications.panel.title")}</h2>
      {membership === "candidate" ? (
        application ? (
          <p>
            {t("applications.panel.application")} <StatusBadge c={c} status={application.status} />{" "}
            <a href={href(c, `/applications/${application.id}`)}>{t("applications.panel.open")}</a>
          </p>
        ) : (
          <p>
            <a href={href(c, "/apply")}>{t("applications.panel.apply")}</a>
          </p>
        )
      ) : null}
      {membership === "member" ? (
        <>
          <h3>{t("applications.panel.pending")}</h3>
          {pending.length === 0 ? <p>{t("applications.panel.no_pending")}</p> : null}
          <ul>
            {pending.map((d) => (
              <li>
                <a
                  href={href(
                    c,
                    d.applicationId ? `/applications/${d.applicationId}#vote` : `/decisions/${d.id}`,
                  )}
                >
                  {d.title}
                </a>{" "}
                ({t("applications.decision.closes", { date: t.dateTime(d.closesAt) })})
              </li>
            ))}
          </ul>
          <h3>{t("applications.panel.reassessment")}</h3>
          {reassessment?.status === "draft" ? (
            <p>
              <a href={href(c, `/applications/${reassessment.id}`)}>
                {t("applications.panel.reassessment_due", {
                  date: t.date(reassessment.dueAt ?? now().toISOString()),
                })}
              </a>
            </p>
          ) : (
            <>
              <p>
                {reassessment?.decidedAt
                  ? t("applications.panel.reassessment_done", { date: t.date(reassessment.decidedAt) })
                  : t("applications.reassess.never")}
              </p>
              <form method="post" action={href(c, "/charter/reassessments/start")}>
                <Csrf c={c} />
                <input type="hidden" name="member" value={member.id} />
                <button type="submit" class="button button--secondary">
                  {t("applications.panel.reassess_now")}
                </button>
              </form>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

/** On the public member page: when it last re-assessed itself against the charter. */
export async function memberPagePanel(c: AppContext, member: PanelMember): Promise<Child | null> {
  const { db } = c.get("deps");
  const t = c.get("t");
  const last = await lastCharterAnswer(db, member.id);
  if (!last) return null;
  return (
    <section>
      <h2>{t("applications.panel.charter")}</h2>
      <p>
        {t("applications.panel.charter_last", { date: t.date(last.decidedAt), version: last.charterVersion })}
      </p>
    </section>
  );
}
