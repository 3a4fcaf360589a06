import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { endSession } from "../../http/session.js";
import { requireMemberAdmin, requirePerson } from "../../http/policy.js";
import { HttpError } from "../../http/errors.js";
import { audit } from "../../audit/audit.js";
import { inTransaction } from "../../db/adapter.js";
import { countActivePlatformAdmins, deletePerson } from "../../identity/identity.repository.js";
import { structureBySlug } from "../directory/published.js";
import { verifyPassword } from "../../identity/passwords.js";
import { findPersonById } from "../../identity/people.repository.js";
import { exportMember, exportPerson } from "./data-rights.js";
import { DeleteAccountPage } from "./data-rights.views.js";

const DeleteSchema = z.object({ password: z.string().min(1).max(200) });

function download(filename: string, data: unknown): Response {
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

export function dataRightsPages(router: Hono<AppEnv>): void {
  router.get("/account/export", async (c) => {
    const person = requirePerson(c);
    const data = await exportPerson(c.get("deps"), c.get("features"), person.id);
    return download(`chatons-${person.id.slice(0, 8)}.json`, data);
  });

  router.get("/account/structures/:slug/export", async (c) => {
    const member = await structureBySlug(c.get("deps").db, c.req.param("slug"));
    if (!member) throw new HttpError(404, "404");
    requireMemberAdmin(c, member.id);
    return download(
      `chatons-${member.slug}.json`,
      await exportMember(c.get("deps"), c.get("features"), member.id),
    );
  });

  router.get("/account/delete", (c) => render(c, <DeleteAccountPage c={c} />));

  router.post("/account/delete", async (c) => {
    const person = requirePerson(c);
    const { db } = c.get("deps");
    const form = await parseForm(c, DeleteSchema);
    if (!form.ok) return render(c, <DeleteAccountPage c={c} errors={form.errors} />, 422);
    const stored = await findPersonById(db, person.id);
    if (!(await verifyPassword(stored?.password_hash ?? null, form.data.password))) {
      return render(
        c,
        <DeleteAccountPage c={c} errors={{ password: { key: "account.password.wrong" } }} />,
        422,
      );
    }
    if (person.isPlatformAdmin) {
      if ((await countActivePlatformAdmins(db)) <= 1)
        return render(
          c,
          <DeleteAccountPage c={c} errors={{ password: { key: "account.delete.last_admin" } }} />,
          409,
        );
    }
    await inTransaction(db, async (trx) => {
      await audit(trx, {
        actor: { personId: person.id },
        action: "person.delete",
        subject: { type: "person", id: person.id },
      });
      await deletePerson(trx, person.id);
    });
    await endSession(c);
    return c.redirect(`${href(c, "/")}?deleted=1`, 303);
  });
}
