import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm, type FieldErrors, type FormValues } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { audit } from "../../audit/audit.js";
import * as repo from "./entraide.repository.js";
import * as daily from "./daily.repository.js";
import { EditInstanceSchema, NewInstanceSchema } from "./entraide.schema.js";
import {
  canVolunteer,
  requireOwnInstance,
  requireStructureAdmin,
  requireVolunteer,
  type VolunteerMember,
} from "./entraide.policy.js";
import { EMPTY_SUMMARY, summarise, windowDays, windowStart } from "./aggregates.js";
import { checkInstance, vetUrl } from "./checks.js";
import { portalFor } from "./live.js";
import { EditInstancePage, ManagePage } from "./manage.views.js";

/** A structure's own instances: /entraide/members/<slug>… (its admins and platform admins). */

async function showManage(
  c: AppContext,
  member: VolunteerMember,
  form: { values?: FormValues; errors?: FieldErrors } = {},
  status: 200 | 422 = 200,
) {
  const { db, now } = c.get("deps");
  const instances = await repo.listMemberInstances(db, member.id);
  const rows = await daily.dailyStats(
    db,
    instances.map((i) => i.id),
    windowStart(now()),
  );
  const page = (
    <ManagePage
      c={c}
      member={member}
      canVolunteer={canVolunteer(member)}
      instances={instances}
      summaries={summarise(rows)}
      days={windowDays(now())}
      services={await repo.listServices(db, { enabledOnly: true })}
      {...form}
    />
  );
  return render(c, page, status);
}

/** Checks what the schema cannot: the service exists, the software provides it, the URL serves. */
async function instanceErrors(
  c: AppContext,
  data: { software: string; url: string },
  serviceId: string,
): Promise<FieldErrors | null> {
  const service = await repo.findService(c.get("deps").db, serviceId);
  if (!service) return { service_id: { key: "entraide.error.service" } };
  if (!repo.parseSoftwareList(service.software).includes(data.software))
    return { software: { key: "entraide.error.software_mismatch" } };
  const urlError = await vetUrl(c.get("deps"), data.url, c.get("t"));
  return urlError ? { url: urlError } : null;
}

const instanceValues = (i: repo.InstanceView): FormValues => ({
  software: i.software,
  url: i.url,
  weight: String(i.weight),
  max_share: i.max_share === null ? "" : String(i.max_share),
  paused: i.paused === 1 ? "1" : "",
});

const normalUrl = (value: string) => new URL(value).href;

export function manageRoutes(router: Hono<AppEnv>): void {
  router.get("/entraide/members/:slug", async (c) => {
    const { member } = await requireStructureAdmin(c, c.req.param("slug"));
    return showManage(c, member);
  });

  router.post("/entraide/members/:slug/instances", async (c) => {
    const { person, member } = await requireStructureAdmin(c, c.req.param("slug"));
    requireVolunteer(member);
    const { db } = c.get("deps");
    const form = await parseForm(c, NewInstanceSchema);
    if (!form.ok) return showManage(c, member, form, 422);
    const errors = await instanceErrors(c, form.data, form.data.service_id);
    if (errors) return showManage(c, member, { values: form.values, errors }, 422);
    const { service_id, software, weight } = form.data;
    const row = { service_id, software, weight, max_share: form.data.max_share ?? null };
    await db.transaction().execute(async (trx) => {
      const id = await repo.insertInstance(trx, {
        ...row,
        member_id: member.id,
        url: normalUrl(form.data.url),
        paused: 0,
        created_by: person.id,
      });
      await audit(trx, {
        actor: { personId: person.id, memberId: member.id },
        action: "entraide.instance.create",
        subject: { type: "entraide_instance", id },
        data: { ...row, url: normalUrl(form.data.url) },
      });
    });
    await flash(c, { kind: "success", text: "entraide.flash.proposed" });
    return c.redirect(href(c, `/entraide/members/${member.slug}`), 303);
  });

  router.get("/entraide/members/:slug/instances/:id", async (c) => {
    const { member } = await requireStructureAdmin(c, c.req.param("slug"));
    const instance = await requireOwnInstance(c, member, c.req.param("id"));
    return showEdit(c, member, instance, instanceValues(instance));
  });

  router.post("/entraide/members/:slug/instances/:id", async (c) => {
    const { person, member } = await requireStructureAdmin(c, c.req.param("slug"));
    const instance = await requireOwnInstance(c, member, c.req.param("id"));
    const form = await parseForm(c, EditInstanceSchema);
    if (!form.ok) return showEdit(c, member, instance, form.values, form.errors);
    const errors = await instanceErrors(c, form.data, instance.service_id);
    if (errors) return showEdit(c, member, instance, form.values, errors);
    const url = normalUrl(form.data.url);
    const changes = {
      url,
      software: form.data.software,
      weight: form.data.weight,
      max_share: form.data.max_share ?? null,
      paused: form.data.paused ? 1 : 0,
      // Another address is another server: it is reviewed and checked afresh.
      ...(url !== instance.url ? { approval: "pending" as const } : {}),
      ...(url !== instance.url || form.data.software !== instance.software ? RESET_HEALTH : {}),
    };
    await writeInstance(c, person.id, member.id, instance.id, "entraide.instance.update", changes);
    await flash(c, { kind: "success", text: "entraide.flash.saved" });
    return c.redirect(href(c, `/entraide/members/${member.slug}`), 303);
  });

  router.post("/entraide/members/:slug/instances/:id/pause", async (c) => {
    const { person, member } = await requireStructureAdmin(c, c.req.param("slug"));
    const instance = await requireOwnInstance(c, member, c.req.param("id"));
    const paused = instance.paused === 1 ? 0 : 1;
    await writeInstance(c, person.id, member.id, instance.id, "entraide.instance.pause", { paused });
    await flash(c, { kind: "success", text: paused ? "entraide.flash.paused" : "entraide.flash.resumed" });
    return c.redirect(href(c, `/entraide/members/${member.slug}`), 303);
  });

  router.post("/entraide/members/:slug/instances/:id/withdraw", async (c) => {
    const { person, member } = await requireStructureAdmin(c, c.req.param("slug"));
    const instance = await requireOwnInstance(c, member, c.req.param("id"));
    const at = c.get("deps").now().toISOString();
    await writeInstance(c, person.id, member.id, instance.id, "entraide.instance.withdraw", {
      archived_at: at,
    });
    await flash(c, { kind: "success", text: "entraide.flash.withdrawn" });
    return c.redirect(href(c, `/entraide/members/${member.slug}`), 303);
  });

  router.post("/entraide/members/:slug/instances/:id/check", async (c) => {
    const { member } = await requireStructureAdmin(c, c.req.param("slug"));
    const instance = await requireOwnInstance(c, member, c.req.param("id"));
    await checkAndTell(c, instance.id);
    return c.redirect(href(c, `/entraide/members/${member.slug}`), 303);
  });
}

export const RESET_HEALTH = {
  health: "unknown" as const,
  failures: 0,
  successes: 0,
  alerted_at: null,
  last_reason: null,
};

async function showEdit(
  c: AppContext,
  member: VolunteerMember,
  instance: repo.InstanceView,
  values: FormValues,
  errors?: FieldErrors,
) {
  const { db, now } = c.get("deps");
  const summary = summarise(await daily.dailyStats(db, [instance.id], windowStart(now()))).get(instance.id);
  const page = (
    <EditInstancePage
      c={c}
      member={member}
      instance={instance}
      summary={summary ?? EMPTY_SUMMARY}
      values={values}
      errors={errors}
    />
  );
  return render(c, page, errors ? 422 : 200);
}

/** Updates an instance with its audit entry, then refreshes this process's dispatch table. */
export async function writeInstance(
  c: AppContext,
  personId: string,
  memberId: string | null,
  id: string,
  action: string,
  changes: Parameters<typeof repo.updateInstance>[2],
) {
  const deps = c.get("deps");
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateInstance(trx, id, changes);
    await audit(trx, {
      actor: { personId, memberId },
      action,
      subject: { type: "entraide_instance", id },
      data: { ...changes },
    });
  });
  await portalFor(deps).refresh();
}

/** Runs one check now (a member fixed their server) and says how it went. */
export async function checkAndTell(c: AppContext, id: string) {
  const deps = c.get("deps");
  const t = c.get("t");
  const result = await checkInstance(deps, id);
  await portalFor(deps).refresh();
  if (!result) return;
  await flash(
    c,
    result.verdict.ok
      ? { kind: "success", text: "entraide.flash.checked_ok" }
      : {
          kind: "error",
          text: t("entraide.flash.checked_failed", { reason: t(`entraide.reason.${result.verdict.reason}`) }),
        },
  );
}
