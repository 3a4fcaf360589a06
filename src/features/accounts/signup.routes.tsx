import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash, startSession } from "../../http/session.js";
import { audit } from "../../audit/audit.js";
import * as repo from "../../identity/people.repository.js";
import * as links from "../../identity/links.repository.js";
import { hashPassword } from "../../identity/passwords.js";
import { SignupSchema, safeNext } from "./accounts.schema.js";
import { SignupPage } from "./accounts.views.js";
import { SignupConfirmPage, SignupSentPage } from "./links.views.js";
import { limitAddress, mayMail } from "./limits.js";

/**
 * Sign-up answers the same whether the address already has an account: the account is created
 * only once the link mailed to the address is followed; if the address is known, its owner gets a
 * mail saying so instead. Both ways cost the same work (the password is hashed either way).
 */
const REQUEST_VALID_MS = 24 * 3_600_000;

async function mailKnownOwner(c: AppContext, person: { name: string; email: string }) {
  const { mailer, config } = c.get("deps");
  const t = c.get("t");
  await mailer.send({
    to: person.email,
    subject: t("signup.exists.mail.subject", { collective: config.collective.name }),
    text: t("signup.exists.mail.body", {
      name: person.name,
      collective: config.collective.name,
      login: `${config.baseUrl}${href(c, "/login")}`,
      forgot: `${config.baseUrl}${href(c, "/password/forgot")}`,
    }),
    kind: "signup-exists",
  });
}

async function mailConfirmation(c: AppContext, name: string, email: string, token: string) {
  const { mailer, config } = c.get("deps");
  const t = c.get("t");
  await mailer.send({
    to: email,
    subject: t("signup.mail.subject", { collective: config.collective.name }),
    text: t("signup.mail.body", {
      name,
      collective: config.collective.name,
      link: `${config.baseUrl}${href(c, `/signup/confirm/${token}`)}`,
    }),
    kind: "signup-confirm",
  });
}

export function signupPages(router: Hono<AppEnv>): void {
  router.get("/signup", (c) => render(c, <SignupPage c={c} values={{ next: c.req.query("next") ?? "" }} />));

  router.post("/signup", async (c) => {
    const { db, now } = c.get("deps");
    limitAddress(c);
    const form = await parseForm(c, SignupSchema);
    if (!form.ok) return render(c, <SignupPage c={c} values={form.values} errors={form.errors} />, 422);
    const { name, email, password } = form.data;
    const passwordHash = await hashPassword(password);
    const known = await repo.findPersonByEmail(db, email);
    if (await mayMail(c, email)) {
      if (known && !known.disabled_at) await mailKnownOwner(c, known);
      else if (!known) {
        const next = safeNext(form.data.next, "") || null;
        const token = await links.createSignupRequest(
          db,
          { email, name, passwordHash, next },
          REQUEST_VALID_MS,
          now(),
        );
        await mailConfirmation(c, name, email, token);
      }
    }
    return render(c, <SignupSentPage c={c} email={email.trim().toLowerCase()} />);
  });

  router.get("/signup/confirm/:token", async (c) => {
    const { db, now } = c.get("deps");
    const found = await links.checkSignupRequest(db, c.req.param("token"), now());
    return render(
      c,
      <SignupConfirmPage c={c} token={c.req.param("token")} email={found?.email} />,
      found ? 200 : 410,
    );
  });

  router.post("/signup/confirm/:token", async (c) => {
    const { db, now } = c.get("deps");
    const token = c.req.param("token");
    const request = await links.takeSignupRequest(db, token, now());
    if (!request) return render(c, <SignupConfirmPage c={c} token={token} />, 410);
    let personId: string;
    try {
      personId = await repo.createPerson(db, {
        name: request.name,
        email: request.email,
        passwordHash: request.password_hash,
        // The language the person signed up in is the language of their mails until they change it.
        locale: c.get("locale"),
      });
    } catch (error) {
      if (!(error instanceof repo.EmailTakenError)) throw error;
      return render(c, <SignupConfirmPage c={c} token={token} taken />, 409);
    }
    await audit(db, {
      actor: { personId },
      action: "person.signup",
      subject: { type: "person", id: personId },
    });
    await startSession(c, personId);
    await flash(c, { kind: "success", text: "signup.done" });
    return c.redirect(safeNext(request.next ?? undefined, href(c, "/account")), 303);
  });
}
