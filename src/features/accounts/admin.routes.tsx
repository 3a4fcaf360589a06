import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { requirePlatformAdmin } from "../../http/policy.js";
import { HttpError } from "../../http/errors.js";
import { audit, readAudit } from "../../audit/audit.js";
import * as repo from "../../identity/people.repository.js";
import { AdminCreatePersonSchema } from "./accounts.schema.js";
import { AuditPage, JobsPage, OutboxPage, PeoplePage } from "./admin.views.js";
import { AdminHome, adminTodo } from "./admin-home.views.js";
import { adminPeople, memberChoices } from "./admin.data.js";
import { setMembership } from "../../identity/identity.repository.js";
import { listOutbox } from "../../mail/mailer.js";
import { jobStates } from "../../jobs/leases.js";
import { inTransaction } from "../../db/adapter.js";

const INVITE_VALID_MS = 7 * 86_400_000;
const PAGE = 100;

export function adminPages(router: Hono<AppEnv>): void {
  router.get("/admin", async (c) => {
    requirePlatformAdmin(c);
    return render(c, <AdminHome c={c} todo={await adminTodo(c.get("deps"))} />);
  });

  router.get("/admin/people", async (c) => {
    requirePlatformAdmin(c);
    const { db } = c.get("deps");
    return render(c, <PeoplePage c={c} people={await adminPeople(db)} members={await memberChoices(db)} />);
  });

  router.post("/admin/people", async (c) => {
    const admin = requirePlatformAdmin(c);
    const { db, mailer, config, now } = c.get("deps");
    const t = c.get("t");
    const form = await parseForm(c, AdminCreatePersonSchema);
    const show = async (
      errors: Record<string, { key: "form.error.taken" | "form.error.choice" }>,
      values: Record<string, string>,
    ) =>
      render(
        c,
        <PeoplePage
          c={c}
          people={await adminPeople(db)}
          members={await memberChoices(db)}
          values={values}
          errors={errors}
        />,
        422,
      );
    if (!form.ok) {
      return render(
        c,
        <PeoplePage
          c={c}
          people={await adminPeople(db)}
          members={await memberChoices(db)}
          values={form.values}
          errors={form.errors}
        />,
        422,
      );
    }
    const { data } = form;
    if (data.member_id && !(await memberChoices(db)).some((m) => m.id === data.member_id)) {
      return show({ member_id: { key: "form.error.choice" } }, form.values);
    }
    let personId: string;
    try {
      personId = await inTransaction(db, async (trx) => {
        const id = await repo.createPerson(trx, {
          name: data.name,
          email: data.email,
          isPlatformAdmin: data.is_platform_admin,
        });
        if (data.member_id)
          await setMembership(trx, { personId: id, memberId: data.member_id, role: data.role ?? "member" });
        await audit(trx, {
          actor: { personId: admin.id },
          action: "person.create",
          subject: { type: "person", id },
          data: {
            email: data.email,
            memberId: data.member_id ?? null,
            role: data.role ?? null,
            platformAdmin: data.is_platform_admin,
          },
        });
        return id;
      });
    } catch (error) {
      if (!(error instanceof repo.EmailTakenError)) throw error;
      return show({ email: { key: "form.error.taken" } }, form.values);
    }
    const token = await repo.createPasswordToken(db, personId, INVITE_VALID_MS, now());
    await mailer.send({
      to: data.email,
      subject: t("invite.mail.subject", { collective: config.collective.name }),
      text: t("invite.mail.body", {
        name: data.name,
        inviter: admin.name,
        collective: config.collective.name,
        link: `${config.baseUrl}${href(c, `/password/reset/${token}`)}`,
      }),
      kind: "invitation",
    });
    await flash(c, { kind: "success", text: "admin.people.created" });
    return c.redirect(href(c, "/admin/people"), 303);
  });

  router.get("/admin/outbox", async (c) => {
    requirePlatformAdmin(c);
    return render(c, <OutboxPage c={c} mails={await listOutbox(c.get("deps").db)} />);
  });

  router.get("/admin/audit", async (c) => {
    requirePlatformAdmin(c);
    const filter = (c.req.query("action") ?? "").slice(0, 60);
    const before = c.req.query("before");
    const entries = await readAudit(c.get("deps").db, {
      actionPrefix: filter || undefined,
      before,
      limit: PAGE,
    });
    const next = entries.length === PAGE ? entries[entries.length - 1]?.id : undefined;
    return render(c, <AuditPage c={c} entries={entries} filter={filter} next={next} />);
  });

  router.get("/admin/jobs", async (c) => {
    requirePlatformAdmin(c);
    const { jobs, db } = c.get("deps");
    return render(c, <JobsPage c={c} jobs={[...jobs.list()]} states={await jobStates(db)} />);
  });

  router.post("/admin/jobs/:name/run", async (c) => {
    const admin = requirePlatformAdmin(c);
    const { jobs, db, log } = c.get("deps");
    const name = c.req.param("name");
    if (!jobs.list().some((j) => j.name === name)) throw new HttpError(404, "404");
    await audit(db, { actor: { personId: admin.id }, action: "job.run", subject: { type: "job", id: name } });
    // Jobs can take minutes (a crawl): start it and come back; the table shows the outcome.
    const start = await jobs.startNow(name);
    if (start.started) {
      void start.done.catch((error: unknown) => log.warn({ job: name, err: error }, "manual job run failed"));
      await flash(c, { kind: "success", text: "admin.jobs.started" });
    } else {
      const t = c.get("t");
      const when = (iso: string | null) => (iso ? t.dateTime(iso) : "—");
      const text =
        start.reason === "running"
          ? t("admin.jobs.refused", { job: name, since: when(start.since), until: when(start.until) })
          : t("admin.jobs.refused.queued", { job: name });
      await flash(c, { kind: "error", text });
    }
    return c.redirect(href(c, "/admin/jobs"), 303);
  });
}
