import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash, startSession } from "../../http/session.js";
import { audit } from "../../audit/audit.js";
import * as repo from "./accounts.repository.js";
import { SignupSchema, safeNext } from "./accounts.schema.js";
import { SignupPage } from "./accounts.views.js";
import { limitAddress } from "./limits.js";

export function signupPages(router: Hono<AppEnv>): void {
  router.get("/signup", (c) => render(c, <SignupPage c={c} values={{ next: c.req.query("next") ?? "" }} />));

  router.post("/signup", async (c) => {
    const { db } = c.get("deps");
    limitAddress(c);
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
}
