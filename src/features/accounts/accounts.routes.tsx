import { createHash } from "node:crypto";
import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { endAllSessions, endSession, flash, startSession } from "../../http/session.js";
import { requirePerson } from "../../http/policy.js";
import { HttpError } from "../../http/errors.js";
import { clientKey, MemoryLimiter } from "../../http/client.js";
import * as limits from "../../http/rate-limit.js";
import { audit } from "../../audit/audit.js";
import * as repo from "./accounts.repository.js";
import { verifyPassword } from "./passwords.js";
import {
  ChangePasswordSchema,
  ForgotSchema,
  LoginSchema,
  ProfileSchema,
  ResetSchema,
  SignupSchema,
  safeNext,
} from "./accounts.schema.js";
import { AccountPage, ForgotPage, LoginPage, ResetPage, SignupPage } from "./accounts.views.js";

const WINDOW_MS = 15 * 60 * 1000;
const FAILURES_PER_ACCOUNT = 10;
const perAddress = new MemoryLimiter(30, WINDOW_MS);
const RESET_VALID_MS = 60 * 60 * 1000;

const accountKey = (email: string) =>
  `login:${createHash("sha256").update(email.toLowerCase()).digest("base64url")}`;

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

export function accountPages(router: Hono<AppEnv>): void {
  router.get("/login", (c) => render(c, <LoginPage c={c} values={{ next: c.req.query("next") ?? "" }} />));

  router.post("/login", async (c) => {
    const { db, now } = c.get("deps");
    if (!perAddress.hit(clientKey(c))) throw new HttpError(429, "429");
    const form = await parseForm(c, LoginSchema);
    if (!form.ok) return render(c, <LoginPage c={c} values={form.values} errors={form.errors} />, 422);
    const key = accountKey(form.data.email);
    if ((await limits.count(db, key, WINDOW_MS, now())) >= FAILURES_PER_ACCOUNT)
      throw new HttpError(429, "429");
    const person = await repo.findPersonByEmail(db, form.data.email);
    const ok = await verifyPassword(person?.password_hash ?? null, form.data.password);
    if (!person || !ok || person.disabled_at) {
      await limits.hit(db, key, WINDOW_MS, now());
      const errors = {
        password: { key: person?.disabled_at && ok ? "login.error.disabled" : "login.error.invalid" },
      } as const;
      return render(
        c,
        <LoginPage
          c={c}
          values={{ email: form.values.email ?? "", next: form.values.next ?? "" }}
          errors={errors}
        />,
        422,
      );
    }
    await limits.reset(db, key);
    await startSession(c, person.id);
    await audit(db, {
      actor: { personId: person.id },
      action: "session.start",
      subject: { type: "person", id: person.id },
    });
    await flash(c, { kind: "success", text: "flash.signed_in" });
    return c.redirect(safeNext(form.data.next, href(c, "/account")), 303);
  });

  router.post("/logout", async (c) => {
    await endSession(c);
    return c.redirect(href(c, "/"), 303);
  });

  router.get("/signup", (c) => render(c, <SignupPage c={c} values={{ next: c.req.query("next") ?? "" }} />));

  router.post("/signup", async (c) => {
    const { db } = c.get("deps");
    if (!perAddress.hit(clientKey(c))) throw new HttpError(429, "429");
    const form = await parseForm(c, SignupSchema);
    if (!form.ok) return render(c, <SignupPage c={c} values={form.values} errors={form.errors} />, 422);
    let personId: string;
    try {
      personId = await repo.createPerson(db, {
        name: form.data.name,
        email: form.data.email,
        password: form.data.password,
      });
    } catch (error) {
      if (!(error instanceof repo.EmailTakenError)) throw error;
      return render(
        c,
        <SignupPage c={c} values={form.values} errors={{ email: { key: "signup.error.taken" } }} />,
        422,
      );
    }
    await audit(db, {
      actor: { personId },
      action: "person.signup",
      subject: { type: "person", id: personId },
    });
    await startSession(c, personId);
    await flash(c, { kind: "success", text: "signup.done" });
    return c.redirect(safeNext(form.data.next, href(c, "/account")), 303);
  });

  router.get("/password/forgot", (c) => render(c, <ForgotPage c={c} />));

  router.post("/password/forgot", async (c) => {
    const { db } = c.get("deps");
    const t = c.get("t");
    if (!perAddress.hit(clientKey(c))) throw new HttpError(429, "429");
    const form = await parseForm(c, ForgotSchema);
    if (!form.ok) return render(c, <ForgotPage c={c} values={form.values} errors={form.errors} />, 422);
    const person = await repo.findPersonByEmail(db, form.data.email);
    if (person && !person.disabled_at) await sendResetMail(c, person);
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
    await db.transaction().execute(async (trx) => {
      await repo.updateProfile(trx, person.id, form.data.name);
      await audit(trx, {
        actor: { personId: person.id },
        action: "person.update",
        subject: { type: "person", id: person.id },
        data: { name: form.data.name },
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
