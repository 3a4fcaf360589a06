import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Csrf } from "../../../views/components.js";
import type { LatestChecks } from "../checks/checks.repository.js";
import { CHECK_NAME_KEY, CheckBadge, storedMessage } from "./common.js";

/** The latest pre-check results of an application, with their date and a button to run them again. */
export function ChecksSection({
  c,
  applicationId,
  latest,
  canRerun,
}: {
  c: AppContext;
  applicationId: string;
  latest: LatestChecks;
  canRerun: boolean;
}) {
  const t = c.get("t");
  return (
    <section id="checks">
      <h2>{t("applications.checks.title")}</h2>
      <p class="field__hint">{t("applications.checks.intro")}</p>
      {latest.run?.finishedAt ? (
        <p>
          {t("applications.checks.date", { date: t.dateTime(latest.run.finishedAt) })}{" "}
          {t("applications.checks.counts", {
            passed: latest.run.passed,
            warned: latest.run.warned,
            failed: latest.run.failed,
          })}
        </p>
      ) : (
        <p>{t("applications.checks.none")}</p>
      )}
      {latest.pending ? <p>{t("applications.checks.pending")}</p> : null}
      {latest.results.length > 0 ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("applications.checks.col.check")}</th>
                <th scope="col">{t("applications.checks.col.target")}</th>
                <th scope="col">{t("applications.checks.col.result")}</th>
              </tr>
            </thead>
            <tbody>
              {latest.results.map((r) => (
                <tr>
                  <td>{t(CHECK_NAME_KEY[r.checkId] ?? "common.unknown")}</td>
                  <td>
                    <code>{r.target || "—"}</code>
                  </td>
                  <td>
                    <CheckBadge c={c} status={r.status} /> {storedMessage(c, r.detail)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canRerun ? (
        <form method="post" action={href(c, `/applications/${applicationId}/checks`)}>
          <Csrf c={c} />
          <button type="submit" class="button button--secondary">
            {t("applications.checks.rerun")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
