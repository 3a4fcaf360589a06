import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { endAllSessions, flash, startSession } from "../../http/session.js";
import { requirePerson } from "../../http/policy.js";
import * as limits from "../../http/rate-limit.js";
import { audit } from "../../audit/audit.js";
import * as repo from "../../identity/people.repository.js";
import { verifyPassword } from "../../identity/passwords.js";
import { ChangePasswordSchema, ForgotSchema, ProfileSchema, ResetSchema } from "./accounts.schema.js";
import { AccountPage, ForgotPage, ResetPage } from "./accounts.views.js";
import { accountKey, limitAddress, mayMail } from "./limits.js";
import { inTransaction } from "../../db/adapter.js";

const RESET_VALID_MS = 60 * 60 * 1000;

async function sendResetMail(c: AppContext, person: { id: string; name: string; email: string }) {
  const { db, mailer, config, now } = c.get("deps");
  const t = c.get("t");
  const token = await repo.createPasswordToken(db, person.id, RESET_VALID_MS, now());
  const link = `${config.baseUrl}${href(c, `/password/reset/${token}`)}`;
  await mailer.send({
    to: person.email,
    subject: t("forgot.mail.subject"),
    text: t("forgot.mail.body", { name: person.name, collective: config.collective.name, link }),
    kind: "password-reset",
  });
}

/** Password reset, and the account page (profile, password). Sign-in and sign-up have files of their own. */
export function accountPages(router: Hono<AppEnv>): void {
  router.get("/password/forgot", (c) => render(c, <ForgotPage c={c} />));

  router.post("/password/forgot", async (c) => {
    const { db } = c.get("deps");
    const t = c.get("t");
    limitAddress(c);
    const form = await parseForm(c, ForgotSchema);
    if (!form.ok) return render(c, <ForgotPage c={c} values={form.values} errors={form.errors} />, 422);
    const person = await repo.findPersonByEmail(db, form.data.email);
    if (person && !person.disabled_at && (await mayMail(c, person.email))) await sendResetMail(c, person);
    // The same answer whether or not the address has an account: no account enumeration.
    return render(c, <ForgotPage c={c} notice={t("forgot.sent")} />);
  });

  router.get("/password/reset/:token", async (c) => {
    const { db, now } = c.get("deps");
    const found = await repo.checkPasswordToken(db, c.req.param("token"), now());
    return render(c, <ResetPage c={c} token={c.req.param("token")} valid={!!found} />, found ? 200 : 410);
  });

  router.post("/password/reset/:token", async (c) => {
    const { db, now } = c.get("deps");
    const token = c.req.param("token");
    const found = await repo.checkPasswordToken(db, token, now());
    if (!found) return render(c, <ResetPage c={c} token={token} valid={false} />, 410);
    const form = await parseForm(c, ResetSchema);
    if (!form.ok) return render(c, <ResetPage c={c} token={token} valid errors={form.errors} />, 422);
    if (!(await repo.consumePasswordToken(db, token, now())))
      return render(c, <ResetPage c={c} token={token} valid={false} />, 410);
    await repo.setPassword(db, found.id, form.data.password);
    await endAllSessions(db, found.id);
    await limits.clearTurns(db, accountKey(c, found.email));
    await audit(db, {
      actor: { personId: found.id },
      action: "person.password_reset",
      subject: { type: "person", id: found.id },
    });
    await startSession(c, found.id);
    await flash(c, { kind: "success", text: "reset.done" });
    return c.redirect(href(c, "/account"), 303);
  });

  router.get("/account", (c) => render(c, <AccountPage c={c} person={requirePerson(c)} />));

  router.post("/account/profile", async (c) => {
    const person = requirePerson(c);
    const { db } = c.get("deps");
    const form = await parseForm(c, ProfileSchema);
    if (!form.ok)
      return render(c, <AccountPage c={c} person={person} values={form.values} errors={form.errors} />, 422);
    await inTransaction(db, async (trx) => {
      const locale = form.data.locale === "" ? null : form.data.locale;
      await repo.updateProfile(trx, person.id, form.data.name, locale);
      await audit(trx, {
        actor: { personId: person.id },
        action: "person.update",
        subject: { type: "person", id: person.id },
        data: { name: form.data.name, locale },
      });
    });
    await flash(c, { kind: "success", text: "flash.saved" });
    return c.redirect(href(c, "/account"), 303);
  });

  router.post("/account/password", async (c) => {
    const person = requirePerson(c);
    const { db } = c.get("deps");
    const form = await parseForm(c, ChangePasswordSchema);
    if (!form.ok) return render(c, <AccountPage c={c} person={person} errors={form.errors} />, 422);
    const stored = await repo.findPersonById(db, person.id);
    if (!(await verifyPassword(stored?.password_hash ?? null, form.data.current))) {
      return render(
        c,
        <AccountPage c={c} person={person} errors={{ current: { key: "account.password.wrong" } }} />,
        422,
      );
    }
    await repo.setPassword(db, person.id, form.data.password);
    await endAllSessions(db, person.id);
    await audit(db, {
      actor: { personId: person.id },
      action: "person.password_change",
      subject: { type: "person", id: person.id },
    });
    await startSession(c, person.id);
    await flash(c, { kind: "success", text: "account.password.changed" });
    return c.redirect(href(c, "/account"), 303);
  });
}
