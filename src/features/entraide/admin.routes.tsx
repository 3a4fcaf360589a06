import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm, type FieldErrors, type FormValues } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { requirePlatformAdmin } from "../../http/policy.js";
import { HttpError } from "../../http/errors.js";
import { audit } from "../../audit/audit.js";
import { nowIso } from "../../db/ids.js";
import * as repo from "./entraide.repository.js";
import { NewServiceSchema, ServiceSchema } from "./entraide.schema.js";
import { AdminPage, ServicePage, serviceValues } from "./admin.views.js";
import { checkAndTell, writeInstance } from "./manage.routes.js";
import { portalFor } from "./live.js";

/** Platform admins: review volunteered instances, edit the portal's services. */

const ADMIN = "/admin/entraide";

async function categoryChoices(c: AppContext) {
  const rows = await c
    .get("deps")
    .db.selectFrom("categories")
    .select(["id", "name_fr", "name_en"])
    .where("archived_at", "is", null)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({ id: r.id, name: c.get("t").locale === "fr" ? r.name_fr : r.name_en }));
}

async function showService(
  c: AppContext,
  serviceId: string | undefined,
  values: FormValues,
  errors?: FieldErrors,
) {
  const page = (
    <ServicePage
      c={c}
      serviceId={serviceId}
      categories={await categoryChoices(c)}
      values={values}
      errors={errors}
    />
  );
  return render(c, page, errors ? 422 : 200);
}

async function existingInstance(c: AppContext) {
  const instance = await repo.findInstance(c.get("deps").db, c.req.param("id") ?? "");
  if (!instance) throw new HttpError(404, "404");
  return instance;
}

function serviceRow(data: {
  name_fr: string;
  name_en: string;
  description_fr: string;
  description_en: string;
  icon: string;
  category_id: string;
  software: string[];
  position?: number | undefined;
  enabled: boolean;
}) {
  return {
    ...data,
    software: JSON.stringify(data.software),
    position: Math.round(data.position ?? 0),
    enabled: data.enabled ? 1 : 0,
  };
}

export function adminRoutes(router: Hono<AppEnv>): void {
  router.get(ADMIN, async (c) => {
    requirePlatformAdmin(c);
    const { db } = c.get("deps");
    const [instances, services] = await Promise.all([repo.listAllInstances(db), repo.listServices(db)]);
    return render(c, <AdminPage c={c} instances={instances} services={services} />);
  });

  for (const approval of ["approved", "rejected"] as const) {
    const verb = approval === "approved" ? "approve" : "reject";
    router.post(`${ADMIN}/instances/:id/${verb}`, async (c) => {
      const admin = requirePlatformAdmin(c);
      const instance = await existingInstance(c);
      const changes = { approval, reviewed_by: admin.id, reviewed_at: nowIso() };
      await writeInstance(c, admin.id, null, instance.id, `entraide.instance.${verb}`, changes);
      await flash(c, { kind: "success", text: `entraide.flash.${approval}` });
      return c.redirect(href(c, ADMIN), 303);
    });
  }

  router.post(`${ADMIN}/instances/:id/check`, async (c) => {
    requirePlatformAdmin(c);
    const instance = await existingInstance(c);
    await checkAndTell(c, instance.id);
    return c.redirect(href(c, ADMIN), 303);
  });

  router.get(`${ADMIN}/services/new`, (c) => {
    requirePlatformAdmin(c);
    return showService(c, undefined, { icon: "generic", enabled: "1", position: "100" });
  });

  router.post(`${ADMIN}/services`, async (c) => {
    const admin = requirePlatformAdmin(c);
    const { db } = c.get("deps");
    const form = await parseForm(c, NewServiceSchema);
    if (!form.ok) return showService(c, undefined, form.values, form.errors);
    if (await repo.findService(db, form.data.id))
      return showService(c, undefined, form.values, { id: { key: "form.error.taken" } });
    if (!(await categoryChoices(c)).some((k) => k.id === form.data.category_id))
      return showService(c, undefined, form.values, { category_id: { key: "form.error.choice" } });
    const { id, ...fields } = form.data;
    const at = nowIso();
    await db.transaction().execute(async (trx) => {
      await repo.insertService(trx, { id, ...serviceRow(fields), created_at: at, updated_at: at });
      await audit(trx, {
        actor: { personId: admin.id },
        action: "entraide.service.create",
        subject: { type: "entraide_service", id },
        data: serviceRow(fields),
      });
    });
    await portalFor(c.get("deps")).refresh();
    await flash(c, { kind: "success", text: "entraide.flash.service_saved" });
    return c.redirect(href(c, ADMIN), 303);
  });

  router.get(`${ADMIN}/services/:id`, async (c) => {
    requirePlatformAdmin(c);
    const service = await repo.findService(c.get("deps").db, c.req.param("id"));
    if (!service) throw new HttpError(404, "404");
    return showService(c, service.id, serviceValues(service));
  });

  router.post(`${ADMIN}/services/:id`, async (c) => {
    const admin = requirePlatformAdmin(c);
    const { db } = c.get("deps");
    const service = await repo.findService(db, c.req.param("id"));
    if (!service) throw new HttpError(404, "404");
    const form = await parseForm(c, ServiceSchema);
    if (!form.ok) return showService(c, service.id, form.values, form.errors);
    if (!(await categoryChoices(c)).some((k) => k.id === form.data.category_id))
      return showService(c, service.id, form.values, { category_id: { key: "form.error.choice" } });
    await db.transaction().execute(async (trx) => {
      await repo.updateService(trx, service.id, serviceRow(form.data));
      await audit(trx, {
        actor: { personId: admin.id },
        action: "entraide.service.update",
        subject: { type: "entraide_service", id: service.id },
        data: serviceRow(form.data),
      });
    });
    await portalFor(c.get("deps")).refresh();
    await flash(c, { kind: "success", text: "entraide.flash.service_saved" });
    return c.redirect(href(c, ADMIN), 303);
  });
}
