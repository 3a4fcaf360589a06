import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import type { FormValues } from "../../http/forms.js";
import { parseForm } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { endSession, flash, startSession } from "../../http/session.js";
import * as limits from "../../http/rate-limit.js";
import { audit } from "../../audit/audit.js";
import * as repo from "../../identity/people.repository.js";
import * as links from "../../identity/links.repository.js";
import { verifyPassword } from "../../identity/passwords.js";
import { LinkRequestSchema, LoginSchema, safeNext } from "./accounts.schema.js";
import { LoginPage } from "./accounts.views.js";
import { SignInLinkPage } from "./links.views.js";
import { accountKey, limitAddress, mayMail, SIGN_IN_DELAYS, waitText } from "./limits.js";

const LINK_VALID_MS = 15 * 60_000;

function keptValues(values: FormValues): FormValues {
  return { email: values.email ?? "", next: values.next ?? "" };
}

/** The account's delay is not over: the page says how long, and offers a sign-in link instead. */
function throttled(c: AppContext, values: FormValues, retryAfterMs: number) {
  c.header("retry-after", String(Math.ceil(retryAfterMs / 1000)));
  const errors = {
    password: { key: "login.error.throttled", vars: { wait: waitText(c, retryAfterMs) } },
  } as const;
  return render(c, <LoginPage c={c} values={keptValues(values)} errors={errors} />, 429);
}

async function signedIn(c: AppContext, personId: string, method: "password" | "link", next?: string | null) {
  const { db } = c.get("deps");
  await startSession(c, personId);
  await audit(db, {
    actor: { personId },
    action: "session.start",
    subject: { type: "person", id: personId },
    data: { method },
  });
  await flash(c, { kind: "success", text: "flash.signed_in" });
  return c.redirect(safeNext(next ?? undefined, href(c, "/account")), 303);
}

async function sendSignInLink(
  c: AppContext,
  person: { id: string; name: string; email: string },
  next: string,
) {
  const { db, mailer, config, now } = c.get("deps");
  const t = c.get("t");
  const token = await links.createSignInLink(db, person.id, safeNext(next, "") || null, LINK_VALID_MS, now());
  await mailer.send({
    to: person.email,
    subject: t("login.link.mail.subject", { collective: config.collective.name }),
    text: t("login.link.mail.body", {
      name: person.name,
      collective: config.collective.name,
      link: `${config.baseUrl}${href(c, `/login/link/${token}`)}`,
    }),
    kind: "sign-in-link",
  });
}

export function signInPages(router: Hono<AppEnv>): void {
  router.get("/login", (c) => render(c, <LoginPage c={c} values={{ next: c.req.query("next") ?? "" }} />));

  router.post("/login", async (c) => {
    const { db, now } = c.get("deps");
    const refund = limitAddress(c);
    const form = await parseForm(c, LoginSchema);
    if (!form.ok) return render(c, <LoginPage c={c} values={form.values} errors={form.errors} />, 422);
    // The attempt is taken before the (costly) check, so concurrent guesses cannot pass together.
    const key = accountKey(c, form.data.email);
    const turn = await limits.takeTurn(db, key, now(), SIGN_IN_DELAYS);
    if (!turn.ok) return throttled(c, form.values, turn.retryAfterMs);
    const person = await repo.findPersonByEmail(db, form.data.email);
    const ok = await verifyPassword(person?.password_hash ?? null, form.data.password);
    if (!person || !ok || person.disabled_at) {
      const error = person?.disabled_at && ok ? "login.error.disabled" : "login.error.invalid";
      return render(
        c,
        <LoginPage c={c} values={keptValues(form.values)} errors={{ password: { key: error } }} />,
        422,
      );
    }
    await limits.clearTurns(db, key);
    refund();
    return signedIn(c, person.id, "password", form.data.next);
  });

  router.post("/logout", async (c) => {
    await endSession(c);
    return c.redirect(href(c, "/"), 303);
  });

  // "Send me a sign-in link": the same answer whether the address has an account or not.
  router.post("/login/link", async (c) => {
    const { db } = c.get("deps");
    limitAddress(c);
    const form = await parseForm(c, LinkRequestSchema);
    if (!form.ok) return render(c, <LoginPage c={c} values={form.values} errors={form.errors} />, 422);
    const person = await repo.findPersonByEmail(db, form.data.email);
    if (person && !person.disabled_at && (await mayMail(c, person.email)))
      await sendSignInLink(c, person, form.data.next ?? "");
    return render(
      c,
      <LoginPage c={c} values={keptValues(form.values)} notice={c.get("t")("login.link.sent")} />,
    );
  });

  // Opening the link only shows a button: mail scanners that follow links must not use it up.
  router.get("/login/link/:token", async (c) => {
    const { db, now } = c.get("deps");
    const found = await links.checkSignInLink(db, c.req.param("token"), now());
    return render(
      c,
      <SignInLinkPage c={c} token={c.req.param("token")} email={found?.email} />,
      found ? 200 : 410,
    );
  });

  router.post("/login/link/:token", async (c) => {
    const { db, now } = c.get("deps");
    const used = await links.useSignInLink(db, c.req.param("token"), now());
    if (!used) return render(c, <SignInLinkPage c={c} token={c.req.param("token")} />, 410);
    // The owner proved they read their mail: the delays an attacker caused end too.
    await limits.clearTurns(db, accountKey(c, used.email));
    return signedIn(c, used.id, "link", used.next);
  });
}
