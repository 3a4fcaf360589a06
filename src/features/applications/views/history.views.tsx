import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { AuditRecord } from "../../../audit/audit.js";
import { Layout } from "../../../views/Layout.js";
import { AuditTable } from "../../accounts/admin.views.js";
import type { Application } from "../applications.repository.js";
import { ofName } from "../../../i18n/index.js";

/** The whole history of an application (and of its vote), as the audit log recorded it. */
export function HistoryPage({
  c,
  app,
  entries,
}: {
  c: AppContext;
  app: Application;
  entries: AuditRecord[];
}) {
  const t = c.get("t");
  const title = t("applications.history.title", {
    name: app.structure.name,
    name_of: ofName(t.locale, app.structure.name),
  });
  return (
    <Layout c={c} title={title} section="join" wide>
      <h1>{title}</h1>
      <p>{t("applications.history.intro")}</p>
      <p>
        <a href={href(c, `/applications/${app.id}`)}>{t("common.back")}</a>
      </p>
      <AuditTable c={c} entries={entries} />
    </Layout>
  );
}
