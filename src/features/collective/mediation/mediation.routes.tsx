import type { Hono } from "hono";
import { z } from "zod";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { checkbox, longText, optionalEmail, optionalText, readForm, validate } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { HttpError } from "../../../http/errors.js";
import { clientKey } from "../../../http/client.js";
import * as limits from "../../../http/rate-limit.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { CACHE_HEADER } from "../../../http/page-cache.js";
import { nowIso } from "../../../db/ids.js";
import { loadMarkdownPage } from "../../site/content.js";
import * as repo from "./mediation.repository.js";
import { acknowledge, tellTeam } from "./mediation.mail.js";
import { CodeOfConductPage, FollowPage, ReportFormPage, REPORT_HONEYPOT } from "./mediation.views.js";

const HOUR = 3_600_000;
export const REPORTS_PER_HOUR = 5;

const required = (max: number) => longText(max).refine((v) => v.length > 0, "form.error.required");

const ReportSchema = z.object({
  name: optionalText(120),
  email: optionalEmail(),
  what: required(10_000),
  who: longText(2000),
  where_when: longText(2000),
  anonymous: checkbox(),
});

const FollowSchema = z.object({ key: z.string().max(100), body: required(10_000) });

async function showFollow(
  c: AppContext,
  token: string,
  report: repo.Report,
  extra: { errors?: Record<string, { key: "form.error.required" }> } = {},
) {
  const messages = await repo.messagesOf(c.get("deps").db, report.id);
  c.header("referrer-policy", "no-referrer");
  c.header("cache-control", "no-store");
  const fresh = c.req.query("new") === "1";
  return render(
    c,
    <FollowPage
      c={c}
      token={token}
      report={report}
      messages={messages}
      fresh={fresh}
      errors={extra.errors}
    />,
    extra.errors ? 422 : 200,
  );
}

export function mediationPages(router: Hono<AppEnv>): void {
  router.get("/code-of-conduct", async (c) => {
    const { config } = c.get("deps");
    const page = await loadMarkdownPage(
      c.get("locale"),
      "code-of-conduct",
      {
        collective: config.collective.name,
        base: `/${c.get("locale")}`,
      },
      c.get("deps").log,
    );
    c.header(CACHE_HEADER, "300");
    return render(c, <CodeOfConductPage c={c} page={page} />);
  });

  router.get("/mediation/report", (c) => render(c, <ReportFormPage c={c} />));

  router.post("/mediation/report", async (c) => {
    const { db, now } = c.get("deps");
    const visitor = `mediation:${clientKey(c)}`;
    if ((await limits.count(db, visitor, HOUR, now())) >= REPORTS_PER_HOUR) throw new HttpError(429, "429");
    const raw = await readForm(c);
    const trap = raw[REPORT_HONEYPOT];
    if (typeof trap === "string" && trap.trim() !== "") {
      await limits.hit(db, visitor, HOUR, now());
      return c.redirect(href(c, "/mediation/report"), 303);
    }
    const form = validate(ReportSchema, raw);
    if (!form.ok) return render(c, <ReportFormPage c={c} values={form.values} errors={form.errors} />, 422);
    const d = form.data;
    const person = c.get("person");
    const linked = person && !d.anonymous ? person : null;
    const input: repo.NewReport = {
      reporterPersonId: linked?.id ?? null,
      reporterName: d.name ?? linked?.name ?? "",
      reporterEmail: d.email?.toLowerCase() ?? linked?.email ?? null,
      locale: c.get("locale"),
      what: d.what,
      who: d.who,
      whereWhen: d.where_when,
    };
    return commitAndRedirect(c, {
      write: (trx) => repo.insertReport(trx, input, nowIso()),
      audit: (r) => ({
        actor: linked ? { personId: linked.id } : null,
        action: "mediation.report.create",
        subject: { type: "mediation_report", id: r.id },
      }),
      after: async (r) => {
        await limits.hit(db, visitor, HOUR, now());
        if (input.reporterEmail) await acknowledge(c, input.reporterEmail, r.token);
        await tellTeam(c, r.id, "new");
      },
      to: (r) => `${href(c, "/mediation/follow")}?key=${encodeURIComponent(r.token)}&new=1`,
    });
  });

  router.get("/mediation/follow", async (c) => {
    const token = c.req.query("key") ?? "";
    const report = await repo.reportByToken(c.get("deps").db, token);
    if (!report) throw new HttpError(404, "404");
    return showFollow(c, token, report);
  });

  router.post("/mediation/follow", async (c) => {
    const raw = await readForm(c);
    const token = typeof raw.key === "string" ? raw.key : "";
    const report = await repo.reportByToken(c.get("deps").db, token);
    if (!report) throw new HttpError(404, "404");
    const form = validate(FollowSchema, raw);
    if (!form.ok) return showFollow(c, token, report, { errors: { body: { key: "form.error.required" } } });
    return commitAndRedirect(c, {
      write: (trx) =>
        repo.addMessage(
          trx,
          report,
          { author: "reporter", personId: report.reporterPersonId, body: form.data.body },
          nowIso(),
        ),
      audit: {
        actor: report.reporterPersonId ? { personId: report.reporterPersonId } : null,
        action: "mediation.report.follow",
        subject: { type: "mediation_report", id: report.id },
      },
      after: () => tellTeam(c, report.id, "follow"),
      to: `${href(c, "/mediation/follow")}?key=${encodeURIComponent(token)}#thread`,
    });
  });
}
