import type { AppContext, CurrentPerson } from "../../http/context.js";
import { href } from "../../http/context.js";
import type { FieldErrors, FormValues } from "../../http/forms.js";
import { Layout } from "../../views/Layout.js";
import { Csrf, ErrorSummary, SelectField, TextField } from "../../views/components.js";
import { LOCALES } from "../../i18n/index.js";
import { DataRightsSection } from "./data-rights.views.js";

interface FormProps {
  c: AppContext;
  values?: FormValues;
  errors?: FieldErrors;
  notice?: string;
}

export function LoginPage({ c, values, errors, notice }: FormProps) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("login.title")}>
      <div class="narrow">
        <h1>{t("login.title")}</h1>
        {notice ? (
          <p class="flash flash--info" role="status">
            {notice}
          </p>
        ) : null}
        <p>{t("login.intro")}</p>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={href(c, "/login")} novalidate>
          <Csrf c={c} />
          <input type="hidden" name="next" value={values?.next ?? ""} />
          <TextField
            c={c}
            name="email"
            type="email"
            label={t("login.email")}
            required
            autocomplete="email"
            values={values}
            errors={errors}
          />
          <TextField
            c={c}
            name="password"
            type="password"
            label={t("login.password")}
            required
            autocomplete="current-password"
            values={values}
            errors={errors}
          />
          <button type="submit" class="button">
            {t("login.submit")}
          </button>{" "}
          <button type="submit" class="button button--secondary" formaction={href(c, "/login/link")}>
            {t("login.link.submit")}
          </button>
          <p class="field__hint">{t("login.link.hint")}</p>
        </form>
        <p>
          <a href={href(c, "/password/forgot")}>{t("login.forgot")}</a>
        </p>
        <p>
          <a href={href(c, "/signup")}>{t("login.signup")}</a>
        </p>
      </div>
    </Layout>
  );
}

export function SignupPage({ c, values, errors }: FormProps) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("signup.title")}>
      <div class="narrow">
        <h1>{t("signup.title")}</h1>
        <p>{t("signup.intro")}</p>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={href(c, "/signup")} novalidate>
          <Csrf c={c} />
          <input type="hidden" name="next" value={values?.next ?? ""} />
          <TextField
            c={c}
            name="name"
            label={t("signup.name")}
            required
            autocomplete="name"
            maxlength={100}
            values={values}
            errors={errors}
          />
          <TextField
            c={c}
            name="email"
            type="email"
            label={t("signup.email")}
            required
            autocomplete="email"
            values={values}
            errors={errors}
          />
          <TextField
            c={c}
            name="password"
            type="password"
            label={t("signup.password")}
            hint={t("signup.password.hint")}
            required
            autocomplete="new-password"
            values={values}
            errors={errors}
          />
          <TextField
            c={c}
            name="confirm"
            type="password"
            label={t("signup.confirm")}
            required
            autocomplete="new-password"
            values={values}
            errors={errors}
          />
          <button type="submit" class="button">
            {t("signup.submit")}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function ForgotPage({ c, values, errors, notice }: FormProps) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("forgot.title")}>
      <div class="narrow">
        <h1>{t("forgot.title")}</h1>
        {notice ? (
          <p class="flash flash--success" role="status">
            {notice}
          </p>
        ) : null}
        <p>{t("forgot.intro")}</p>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={href(c, "/password/forgot")} novalidate>
          <Csrf c={c} />
          <TextField
            c={c}
            name="email"
            type="email"
            label={t("login.email")}
            required
            autocomplete="email"
            values={values}
            errors={errors}
          />
          <button type="submit" class="button">
            {t("forgot.submit")}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function ResetPage({ c, token, valid, errors }: FormProps & { token: string; valid: boolean }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("reset.title")}>
      <div class="narrow">
        <h1>{t("reset.title")}</h1>
        {valid ? (
          <>
            <ErrorSummary c={c} errors={errors} />
            <form method="post" action={href(c, `/password/reset/${encodeURIComponent(token)}`)} novalidate>
              <Csrf c={c} />
              <TextField
                c={c}
                name="password"
                type="password"
                label={t("reset.password")}
                hint={t("signup.password.hint")}
                required
                autocomplete="new-password"
                errors={errors}
              />
              <TextField
                c={c}
                name="confirm"
                type="password"
                label={t("signup.confirm")}
                required
                autocomplete="new-password"
                errors={errors}
              />
              <button type="submit" class="button">
                {t("reset.submit")}
              </button>
            </form>
          </>
        ) : (
          <p class="flash flash--error" role="alert">
            {t("reset.invalid")} <a href={href(c, "/password/forgot")}>{t("login.forgot")}</a>
          </p>
        )}
      </div>
    </Layout>
  );
}

export function AccountPage({ c, person, values, errors }: FormProps & { person: CurrentPerson }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("account.title")}>
      <h1>{t("account.title")}</h1>
      {person.isPlatformAdmin ? <p class="flash flash--info">{t("account.platform_admin")}</p> : null}
      <section>
        <h2>{t("account.structures")}</h2>
        {person.memberships.length === 0 ? (
          <p>{t("account.structures.none")}</p>
        ) : (
          <ul class="plain-list">
            {person.memberships.map((m) => (
              <li>
                <a href={href(c, `/members/${m.memberSlug}`)}>{m.memberName}</a> —{" "}
                {t(m.role === "admin" ? "account.role.admin" : "account.role.member")},{" "}
                {t(`account.membership.${m.membership}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="columns">
        <section>
          <h2>{t("account.profile")}</h2>
          <ErrorSummary c={c} errors={errors?.name ? errors : undefined} />
          <form method="post" action={href(c, "/account/profile")} novalidate>
            <Csrf c={c} />
            <TextField
              c={c}
              name="name"
              label={t("account.name")}
              required
              maxlength={100}
              values={{ name: values?.name ?? person.name }}
              errors={errors}
            />
            <SelectField
              c={c}
              name="locale"
              label={t("account.locale")}
              hint={t("account.locale.hint")}
              placeholder={t("account.locale.default")}
              options={LOCALES.map((l) => ({ value: l, label: t(`account.locale.${l}`) }))}
              values={{ locale: values?.locale ?? person.locale ?? "" }}
              errors={errors}
            />
            <p>
              {t("account.email")} : <strong>{person.email}</strong>
            </p>
            <button type="submit" class="button">
              {t("form.save")}
            </button>
          </form>
        </section>
        <section>
          <h2>{t("account.password.title")}</h2>
          <ErrorSummary c={c} errors={errors && !errors.name ? errors : undefined} />
          <form method="post" action={href(c, "/account/password")} novalidate>
            <Csrf c={c} />
            <TextField
              c={c}
              name="current"
              type="password"
              label={t("account.password.current")}
              required
              autocomplete="current-password"
              errors={errors}
            />
            <TextField
              c={c}
              name="password"
              type="password"
              label={t("account.password.new")}
              hint={t("signup.password.hint")}
              required
              autocomplete="new-password"
              errors={errors}
            />
            <TextField
              c={c}
              name="confirm"
              type="password"
              label={t("signup.confirm")}
              required
              autocomplete="new-password"
              errors={errors}
            />
            <button type="submit" class="button">
              {t("account.password.submit")}
            </button>
          </form>
        </section>
      </div>
      <DataRightsSection c={c} />
    </Layout>
  );
}
