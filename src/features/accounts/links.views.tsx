import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import { Layout } from "../../views/Layout.js";
import { Csrf } from "../../views/components.js";

/** The page a mailed sign-in link opens: one button, so that a link scanner does not use it up. */
export function SignInLinkPage({
  c,
  token,
  email,
}: {
  c: AppContext;
  token: string;
  email?: string | undefined;
}) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("login.link.title")}>
      <div class="narrow">
        <h1>{t("login.link.title")}</h1>
        {email ? (
          <form method="post" action={href(c, `/login/link/${encodeURIComponent(token)}`)}>
            <Csrf c={c} />
            <p>{t("login.link.intro", { email })}</p>
            <button type="submit" class="button">
              {t("login.submit")}
            </button>
          </form>
        ) : (
          <p class="flash flash--error" role="alert">
            {t("login.link.invalid")} <a href={href(c, "/login")}>{t("login.title")}</a>
          </p>
        )}
      </div>
    </Layout>
  );
}

/** What sign-up answers, whether the address was new or already had an account. */
export function SignupSentPage({ c, email }: { c: AppContext; email: string }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("signup.sent.title")}>
      <div class="narrow">
        <h1>{t("signup.sent.title")}</h1>
        <p class="flash flash--success" role="status">
          {t("signup.sent", { email })}
        </p>
        <p>{t("signup.sent.hint")}</p>
      </div>
    </Layout>
  );
}

export function SignupConfirmPage({
  c,
  token,
  email,
  taken,
}: {
  c: AppContext;
  token: string;
  email?: string | undefined;
  taken?: boolean;
}) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("signup.confirm.title")}>
      <div class="narrow">
        <h1>{t("signup.confirm.title")}</h1>
        {email ? (
          <form method="post" action={href(c, `/signup/confirm/${encodeURIComponent(token)}`)}>
            <Csrf c={c} />
            <p>{t("signup.confirm.intro", { email })}</p>
            <button type="submit" class="button">
              {t("signup.submit")}
            </button>
          </form>
        ) : (
          <p class="flash flash--error" role="alert">
            {t(taken ? "signup.error.taken" : "signup.confirm.invalid")}{" "}
            <a href={href(c, "/login")}>{t("login.title")}</a>
          </p>
        )}
      </div>
    </Layout>
  );
}
