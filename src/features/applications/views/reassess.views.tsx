import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Csrf } from "../../../views/components.js";
import type { MessageKey } from "../../../i18n/index.js";
import { can } from "../applications.policy.js";
import type { BoardEntry, ReassessmentState } from "../reassess.js";

const STATE: Record<ReassessmentState, { key: MessageKey; tone: "ok" | "warn" | "bad" | "info" }> = {
  up_to_date: { key: "applications.reassess.state.up_to_date", tone: "ok" },
  due: { key: "applications.reassess.state.due", tone: "warn" },
  requested: { key: "applications.reassess.state.requested", tone: "info" },
  overdue: { key: "applications.reassess.state.overdue", tone: "bad" },
};

export function ReassessPage({
  c,
  board,
  intervalDays,
}: {
  c: AppContext;
  board: BoardEntry[];
  intervalDays: number;
}) {
  const t = c.get("t");
  const admin = can(c.get("person"), "reassessment.request");
  const counts = Object.fromEntries(
    Object.keys(STATE).map((s) => [s, board.filter((m) => m.state === s).length]),
  );
  return (
    <Layout c={c} title={t("applications.reassess.title")} section="charter" wide>
      <h1>{t("applications.reassess.title")}</h1>
      <p class="lead">{t("applications.reassess.intro", { days: intervalDays })}</p>
      <p>
        {Object.entries(STATE).map(([s, v]) => (
          <>
            <Badge tone={v.tone}>{t(v.key)}</Badge> {t.number(counts[s] ?? 0)}{" "}
          </>
        ))}
      </p>
      {admin ? (
        <form method="post" action={href(c, "/charter/reassessments/request")}>
          <Csrf c={c} />
          <button type="submit" class="button">
            {t("applications.reassess.request_due")}
          </button>
        </form>
      ) : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("applications.reassess.col.structure")}</th>
              <th scope="col">{t("applications.reassess.col.state")}</th>
              <th scope="col">{t("applications.reassess.col.last")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {board.map((m) => (
              <tr>
                <td>
                  <a href={href(c, `/members/${m.slug}`)}>{m.name}</a>
                </td>
                <td>
                  <Badge tone={STATE[m.state].tone}>{t(STATE[m.state].key)}</Badge>
                </td>
                <td>
                  {m.last ? (
                    <a href={href(c, `/applications/${m.last.id}`)}>
                      {t("applications.reassess.last", {
                        date: t.date(m.last.decidedAt ?? ""),
                        version: m.last.charterVersion,
                      })}
                    </a>
                  ) : (
                    t("applications.reassess.never")
                  )}
                </td>
                <td>
                  {m.open ? (
                    <a href={href(c, `/applications/${m.open.id}`)}>{t("applications.reassess.open")}</a>
                  ) : admin ? (
                    <form
                      method="post"
                      action={href(c, "/charter/reassessments/request")}
                      class="inline-form"
                    >
                      <Csrf c={c} />
                      <input type="hidden" name="member" value={m.id} />
                      <button type="submit" class="link-button">
                        {t("applications.reassess.request")}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
