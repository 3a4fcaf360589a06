import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm, type FieldErrors, type FormValues } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { guard } from "../../http/guard.js";
import { requirePerson } from "../../http/policy.js";
import { commitAndRedirect } from "../../http/commit.js";
import { newSortableId } from "../../db/ids.js";
import { normalizeUrl } from "../../probe/probe.js";
import { writtenText, type MessageKey } from "../../i18n/index.js";
import * as repo from "./entraide.repository.js";
import { categories, directoryService, lendableServices, type DirectoryService } from "./directory.port.js";
import { EditInstanceSchema, NewInstanceSchema } from "./entraide.schema.js";
import {
  canVolunteer,
  requireOwnInstance,
  requireStructureAdmin,
  requireVolunteer,
  type VolunteerMember,
} from "./entraide.policy.js";
import { EMPTY_SUMMARY, windowDays } from "./aggregates.js";
import { checkInstance, vetUrl } from "./checks.js";
import { describeInstance, describeInstances, history, type InstanceView } from "./instances.js";
import { portalFor } from "./live.js";
import { EditInstancePage, ManagePage } from "./manage.views.js";

/** A structure's own instances: /entraide/members/<slug>… (its admins and platform admins). */

type Form = { values?: FormValues | undefined; errors?: FieldErrors | undefined };

async function categoryNames(c: AppContext): Promise<Map<string, string>> {
  const locale = c.get("t").locale;
  return new Map((await categories(c.get("deps").db)).map((k) => [k.id, writtenText(locale, k.name).text]));
}

async function showManage(c: AppContext, member: VolunteerMember, form: Form = {}) {
  const { db, now } = c.get("deps");
  const instances = await describeInstances(db, await repo.memberInstances(db, member.id));
  const services = await repo.listServices(db, { enabledOnly: true });
  const page = (
    <ManagePage
      c={c}
      member={member}
      canVolunteer={canVolunteer(member)}
      instances={instances}
      summaries={await history(db, instances, now())}
      days={windowDays(now())}
      services={services}
      lendable={await lendableServices(
        db,
        member.id,
        services.map((s) => s.categoryId),
      )}
      categoryNames={await categoryNames(c)}
      {...form}
    />
  );
  return render(c, page, form.errors ? 422 : 200);
}

async function showEdit(c: AppContext, member: VolunteerMember, instance: InstanceView, form: Form) {
  const { db, now } = c.get("deps");
  const portal = await repo.findService(db, instance.serviceId);
  const page = (
    <EditInstancePage
      c={c}
      member={member}
      instance={instance}
      summary={(await history(db, [instance], now())).get(instance.id) ?? EMPTY_SUMMARY}
      lendable={await lendableServices(db, member.id, portal ? [portal.categoryId] : [])}
      categoryNames={await categoryNames(c)}
      values={form.values ?? {}}
      errors={form.errors}
    />
  );
  return render(c, page, form.errors ? 422 : 200);
}

/**
 * Checks what the schema cannot: the portal service exists, the directory service is this
 * structure's, of the portal service's category, runs a software that provides it, and its address
 * can serve visitors.
 */
async function lendingErrors(
  c: AppContext,
  member: VolunteerMember,
  portalId: string,
  serviceId: string,
): Promise<{ errors: FieldErrors } | { service: DirectoryService }> {
  const { db } = c.get("deps");
  const portal = await repo.findService(db, portalId);
  if (!portal) return { errors: { service_id: { key: "entraide.error.service" } } };
  const service = await directoryService(db, serviceId);
  const field = (key: MessageKey) => ({ errors: { directory_service_id: { key } } });
  if (!service || service.memberId !== member.id || !service.listed)
    return field("entraide.error.directory_service");
  if (service.categoryId !== portal.categoryId) return field("entraide.error.directory_category");
  if (service.software === null) return field("entraide.error.software_unknown");
  if (!portal.software.includes(service.software)) return field("entraide.error.software_mismatch");
  const urlError = await vetUrl(c.get("deps"), service.url, c.get("t"));
  return urlError ? { errors: { directory_service_id: urlError } } : { service };
}

const instanceValues = (i: InstanceView): FormValues => ({
  directory_service_id: i.directoryServiceId ?? "",
  weight: String(i.weight),
  max_share: i.maxShare === null ? "" : String(i.maxShare),
  paused: i.paused ? "1" : "",
});

/** The write + audit + flash + 303 of an instance change, then this process's table is reloaded. */
export function commitInstance(
  c: AppContext,
  who: { personId: string; memberId: string | null },
  id: string,
  step: { action: string; changes: repo.InstanceChanges; flash: MessageKey; to: string },
) {
  return commitAndRedirect(c, {
    write: (trx) => repo.updateInstance(trx, id, step.changes),
    audit: {
      actor: who,
      action: step.action,
      subject: { type: "entraide_instance", id },
      data: { ...step.changes },
    },
    after: async () => void (await portalFor(c.get("deps")).refresh()),
    flash: step.flash,
    to: step.to,
  });
}

async function ownInstance(c: AppContext) {
  const { person, member } = await requireStructureAdmin(c, c.req.param("slug") ?? "");
  const instance = await requireOwnInstance(c, member, c.req.param("id") ?? "");
  return { person, member, instance: await describeInstance(c.get("deps").db, instance) };
}

export function manageRoutes(router: Hono<AppEnv>): void {
  const area = new Hono<AppEnv>();
  // Signed-in people only; which structure they may manage is checked per request.
  area.use(guard(requirePerson));
  const home = (c: AppContext, member: VolunteerMember) => href(c, `/entraide/members/${member.slug}`);

  area.get("/:slug", async (c) =>
    showManage(c, (await requireStructureAdmin(c, c.req.param("slug"))).member),
  );

  area.post("/:slug/instances", async (c) => {
    const { person, member } = await requireStructureAdmin(c, c.req.param("slug"));
    requireVolunteer(member);
    const form = await parseForm(c, NewInstanceSchema);
    if (!form.ok) return showManage(c, member, form);
    const { service_id, directory_service_id, weight } = form.data;
    const lent = await lendingErrors(c, member, service_id, directory_service_id);
    if ("errors" in lent) return showManage(c, member, { values: form.values, errors: lent.errors });
    const row = {
      serviceId: service_id,
      memberId: member.id,
      directoryServiceId: lent.service.id,
      reviewedUrl: normalizeUrl(lent.service.url),
      weight,
      maxShare: form.data.max_share ?? null,
      createdBy: person.id,
    };
    return commitAndRedirect(c, {
      write: (trx) => repo.insertInstance(trx, row),
      audit: (id) => ({
        actor: { personId: person.id, memberId: member.id },
        action: "entraide.instance.create",
        subject: { type: "entraide_instance", id },
        data: { ...row, software: lent.service.software },
      }),
      flash: "entraide.flash.proposed",
      to: home(c, member),
    });
  });

  area.get("/:slug/instances/:id", async (c) => {
    const { member, instance } = await ownInstance(c);
    return showEdit(c, member, instance, { values: instanceValues(instance) });
  });

  area.post("/:slug/instances/:id", async (c) => {
    const { person, member, instance } = await ownInstance(c);
    const form = await parseForm(c, EditInstanceSchema);
    if (!form.ok) return showEdit(c, member, instance, form);
    const lent = await lendingErrors(c, member, instance.serviceId, form.data.directory_service_id);
    if ("errors" in lent) return showEdit(c, member, instance, { values: form.values, errors: lent.errors });
    const url = normalizeUrl(lent.service.url);
    const changes: repo.InstanceChanges = {
      directoryServiceId: lent.service.id,
      weight: form.data.weight,
      maxShare: form.data.max_share ?? null,
      paused: form.data.paused,
      // Another address is another server: it is reviewed and checked afresh.
      ...(url !== instance.reviewedUrl
        ? { approval: "pending", reviewedUrl: url, resetHealth: { judgedUntil: newSortableId() } }
        : {}),
    };
    return commitInstance(c, { personId: person.id, memberId: member.id }, instance.id, {
      action: "entraide.instance.update",
      changes,
      flash: "entraide.flash.saved",
      to: home(c, member),
    });
  });

  area.post("/:slug/instances/:id/pause", async (c) => {
    const { person, member, instance } = await ownInstance(c);
    const paused = !instance.paused;
    return commitInstance(c, { personId: person.id, memberId: member.id }, instance.id, {
      action: "entraide.instance.pause",
      changes: { paused },
      flash: paused ? "entraide.flash.paused" : "entraide.flash.resumed",
      to: home(c, member),
    });
  });

  area.post("/:slug/instances/:id/withdraw", async (c) => {
    const { person, member, instance } = await ownInstance(c);
    return commitInstance(c, { personId: person.id, memberId: member.id }, instance.id, {
      action: "entraide.instance.withdraw",
      changes: { archivedAt: c.get("deps").now().toISOString() },
      flash: "entraide.flash.withdrawn",
      to: home(c, member),
    });
  });

  area.post("/:slug/instances/:id/check", async (c) => {
    const { member, instance } = await ownInstance(c);
    await checkAndTell(c, instance.id);
    return c.redirect(home(c, member), 303);
  });

  router.route("/entraide/members", area);
}

/** Observes one instance now (a member fixed their server) and says how it went. */
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
