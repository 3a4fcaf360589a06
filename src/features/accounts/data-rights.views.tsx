import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import type { FieldErrors } from "../../http/forms.js";
import { Layout } from "../../views/Layout.js";
import { Csrf, ErrorSummary, TextField } from "../../views/components.js";
import { ofName } from "../../i18n/index.js";

/** The "your data" section of the account page: exports and the way out. */
export function DataRightsSection({ c }: { c: AppContext }) {
  const t = c.get("t");
  const person = c.get("person");
  return (
    <section>
      <h2>{t("account.data.title")}</h2>
      <p>{t("account.data.intro")}</p>
      <ul class="plain-list">
        <li>
          <a href={href(c, "/account/export")} download>
            {t("account.data.export")}
          </a>
        </li>
        {(person?.memberships ?? [])
          .filter((m) => m.role === "admin")
          .map((m) => (
            <li>
              <a href={href(c, `/account/structures/${m.memberSlug}/export`)} download>
                {t("account.data.export_structure", {
                  name: m.memberName,
                  name_of: ofName(t.locale, m.memberName),
                })}
              </a>
            </li>
          ))}
        <li>
          <a href={href(c, "/account/delete")}>{t("account.delete.title")}</a>
        </li>
      </ul>
    </section>
  );
}

export function DeleteAccountPage({ c, errors }: { c: AppContext; errors?: FieldErrors }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("account.delete.title")}>
      <div class="narrow">
        <h1>{t("account.delete.title")}</h1>
        <p>{t("account.delete.intro")}</p>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={href(c, "/account/delete")} novalidate>
          <Csrf c={c} />
          <TextField
            c={c}
            name="password"
            type="password"
            label={t("account.delete.password")}
            required
            autocomplete="current-password"
            errors={errors}
          />
          <button type="submit" class="button button--danger">
            {t("account.delete.submit")}
          </button>
        </form>
      </div>
    </Layout>
  );
}
