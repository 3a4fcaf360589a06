import type { Hono } from "hono";
import { z } from "zod";
import type { AppContext, AppEnv, CurrentPerson } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { choice, email, longText, parseForm, type FieldErrors } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { requirePerson, requirePlatformAdmin } from "../../../http/policy.js";
import { HttpError } from "../../../http/errors.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { audit } from "../../../audit/audit.js";
import { nowIso } from "../../../db/ids.js";
import { personByEmail } from "../../../identity/identity.repository.js";
import { REPORT_STATUSES } from "../collective.tables.js";
import { peopleByIds } from "../ports.js";
import * as repo from "./mediation.repository.js";
import { tellReporter } from "./mediation.mail.js";
import { ReportPage, ReportsPage, TeamPage } from "./team.views.js";

const ReplySchema = z.object({ body: longText(10_000).refine((v) => v.length > 0, "form.error.required") });
const StatusSchema = z.object({ status: choice(REPORT_STATUSES) });
const MemberSchema = z.object({ email: email() });

/** Only the mediation team reads reports: not even platform admins, unless they are on it. */
async function requireMediator(c: AppContext): Promise<CurrentPerson> {
  const person = requirePerson(c);
  if (!(await repo.isMediator(c.get("deps").db, person.id))) throw new HttpError(403, "403");
  return person;
}

async function loadReport(c: AppContext) {
  const report = await repo.findReport(c.get("deps").db, c.req.param("id") ?? "");
  if (!report) throw new HttpError(404, "404");
  return report;
}

/** Shows a report to a team member; every reading leaves an audit entry (who read which report, when). */
async function showReport(c: AppContext, person: CurrentPerson, report: repo.Report, errors?: FieldErrors) {
  const { db } = c.get("deps");
  await audit(db, {
    actor: { personId: person.id },
    action: "mediation.report.read",
    subject: { type: "mediation_report", id: report.id },
  });
  const messages = await repo.messagesOf(db, report.id);
  const people = await peopleByIds(
    db,
    messages.flatMap((m) => (m.personId && m.author === "team" ? [m.personId] : [])),
  );
  c.header("cache-control", "no-store");
  return render(
    c,
    <ReportPage
      c={c}
      report={report}
      messages={messages}
      names={new Map([...people].map(([id, p]) => [id, p.name]))}
      errors={errors}
    />,
    errors ? 422 : 200,
  );
}

async function showTeam(c: AppContext, errors?: FieldErrors, values?: Record<string, string>) {
  const { db } = c.get("deps");
  const members = await repo.team(db);
  const people = await peopleByIds(
    db,
    members.map((m) => m.personId),
  );
  const rows = members.map((m) => ({
    ...m,
    name: people.get(m.personId)?.name ?? "—",
    email: people.get(m.personId)?.email ?? "",
  }));
  return render(c, <TeamPage c={c} members={rows} errors={errors} values={values} />, errors ? 422 : 200);
}

export function teamPages(router: Hono<AppEnv>): void {
  router.get("/mediation", async (c) => {
    const person = await requireMediator(c);
    const { db } = c.get("deps");
    await audit(db, {
      actor: { personId: person.id },
      action: "mediation.list",
      subject: { type: "mediation_report", id: null },
    });
    c.header("cache-control", "no-store");
    return render(c, <ReportsPage c={c} reports={await repo.listReports(db)} />);
  });

  router.get("/mediation/reports/:id", async (c) => {
    const person = await requireMediator(c);
    return showReport(c, person, await loadReport(c));
  });

  router.post("/mediation/reports/:id/reply", async (c) => {
    const person = await requireMediator(c);
    const report = await loadReport(c);
    const form = await parseForm(c, ReplySchema);
    if (!form.ok) return showReport(c, person, report, form.errors);
    return commitAndRedirect(c, {
      write: (trx) =>
        repo.addMessage(trx, report, { author: "team", personId: person.id, body: form.data.body }, nowIso()),
      audit: {
        actor: { personId: person.id },
        action: "mediation.report.reply",
        subject: { type: "mediation_report", id: report.id },
      },
      after: () => tellReporter(c, report),
      flash: "mediation.team.replied",
      to: href(c, `/mediation/reports/${report.id}`),
    });
  });

  router.post("/mediation/reports/:id/status", async (c) => {
    const person = await requireMediator(c);
    const report = await loadReport(c);
    const form = await parseForm(c, StatusSchema);
    if (!form.ok) return showReport(c, person, report, form.errors);
    const status = form.data.status;
    return commitAndRedirect(c, {
      write: (trx) => repo.setStatus(trx, report.id, status, nowIso()),
      audit: {
        actor: { personId: person.id },
        action: "mediation.report.status",
        subject: { type: "mediation_report", id: report.id },
        data: { status },
      },
      flash: "mediation.team.status_saved",
      to: href(c, `/mediation/reports/${report.id}`),
    });
  });

  router.get("/mediation/team", (c) => {
    requirePlatformAdmin(c);
    return showTeam(c);
  });

  router.post("/mediation/team", async (c) => {
    const admin = requirePlatformAdmin(c);
    const form = await parseForm(c, MemberSchema);
    if (!form.ok) return showTeam(c, form.errors, form.values);
    const person = await personByEmail(c.get("deps").db, form.data.email);
    if (!person || person.disabled)
      return showTeam(c, { email: { key: "mediation.error.unknown_person" } }, form.values);
    return commitAndRedirect(c, {
      write: (trx) => repo.addToTeam(trx, person.id, admin.id, nowIso()),
      audit: {
        actor: { personId: admin.id },
        action: "mediation.team.add",
        subject: { type: "person", id: person.id },
      },
      flash: "mediation.team.added",
      to: href(c, "/mediation/team"),
    });
  });

  router.post("/mediation/team/:id/remove", async (c) => {
    const admin = requirePlatformAdmin(c);
    const personId = c.req.param("id");
    if (!(await repo.isMediator(c.get("deps").db, personId))) throw new HttpError(404, "404");
    return commitAndRedirect(c, {
      write: (trx) => repo.removeFromTeam(trx, personId),
      audit: {
        actor: { personId: admin.id },
        action: "mediation.team.remove",
        subject: { type: "person", id: personId },
      },
      flash: "mediation.team.removed",
      to: href(c, "/mediation/team"),
    });
  });
}
