import { Hono } from "hono";
import { writtenText } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm, type FieldErrors, type FormValues } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { requirePlatformAdmin } from "../../http/policy.js";
import { HttpError } from "../../http/errors.js";
import { guard } from "../../http/guard.js";
import { commitAndRedirect } from "../../http/commit.js";
import { nowIso } from "../../db/ids.js";
import * as repo from "./entraide.repository.js";
import { categories } from "./directory.port.js";
import { NewServiceSchema, ServiceSchema } from "./entraide.schema.js";
import { AdminPage, ServicePage, serviceValues } from "./admin.views.js";
import { checkAndTell, commitInstance } from "./manage.routes.js";
import { describeInstance, describeInstances } from "./instances.js";
import { portalFor } from "./live.js";

/** Platform admins: review volunteered instances, edit the portal's services. */

const ADMIN = "/admin/entraide";

async function categoryChoices(c: AppContext) {
  const locale = c.get("t").locale;
  return (await categories(c.get("deps").db)).map((k) => ({
    id: k.id,
    name: writtenText(locale, k.name).text,
  }));
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
  const { db } = c.get("deps");
  const instance = await repo.findInstance(db, c.req.param("id") ?? "");
  if (!instance) throw new HttpError(404, "404");
  return describeInstance(db, instance);
}

async function existingService(c: AppContext) {
  const service = await repo.findService(c.get("deps").db, c.req.param("id") ?? "");
  if (!service) throw new HttpError(404, "404");
  return service;
}

function serviceFields(data: {
  name_fr: string;
  name_en: string;
  name_de?: string | undefined;
  description_fr: string;
  description_en: string;
  description_de?: string | undefined;
  icon: string;
  category_id: string;
  software: string[];
  position?: number | undefined;
  enabled: boolean;
}): repo.PortalServiceFields {
  return {
    name: { fr: data.name_fr, en: data.name_en, de: data.name_de ?? "" },
    description: { fr: data.description_fr, en: data.description_en, de: data.description_de ?? "" },
    icon: data.icon,
    categoryId: data.category_id,
    software: data.software,
    position: data.position ?? 0,
    enabled: data.enabled,
  };
}

export function adminRoutes(router: Hono<AppEnv>): void {
  const area = new Hono<AppEnv>();
  area.use(guard(requirePlatformAdmin));

  area.get("/", async (c) => {
    const { db } = c.get("deps");
    const [instances, services] = await Promise.all([repo.allInstances(db), repo.listServices(db)]);
    // Rejected, then pending, then approved, as the review page always listed them.
    const rank = { rejected: 0, pending: 1, approved: 2 };
    const views = (await describeInstances(db, instances)).sort(
      (a, b) => rank[a.approval] - rank[b.approval],
    );
    return render(c, <AdminPage c={c} instances={views} services={services} />);
  });

  for (const approval of ["approved", "rejected"] as const) {
    const verb = approval === "approved" ? "approve" : "reject";
    area.post(`/instances/:id/${verb}`, async (c) => {
      const admin = requirePlatformAdmin(c);
      const instance = await existingInstance(c);
      const changes: repo.InstanceChanges = {
        approval,
        reviewedBy: admin.id,
        reviewedAt: nowIso(),
        // What is approved is the address the directory gives now.
        ...(approval === "approved" ? { reviewedUrl: instance.url } : {}),
      };
      return commitInstance(c, { personId: admin.id, memberId: null }, instance.id, {
        action: `entraide.instance.${verb}`,
        changes,
        flash: `entraide.flash.${approval}`,
        to: href(c, ADMIN),
      });
    });
  }

  area.post("/instances/:id/check", async (c) => {
    const instance = await existingInstance(c);
    await checkAndTell(c, instance.id);
    return c.redirect(href(c, ADMIN), 303);
  });

  area.get("/services/new", (c) =>
    showService(c, undefined, { icon: "generic", enabled: "1", position: "100" }),
  );

  area.post("/services", async (c) => {
    const admin = requirePlatformAdmin(c);
    const form = await parseForm(c, NewServiceSchema);
    if (!form.ok) return showService(c, undefined, form.values, form.errors);
    if (await repo.findService(c.get("deps").db, form.data.id))
      return showService(c, undefined, form.values, { id: { key: "form.error.taken" } });
    if (!(await categoryChoices(c)).some((k) => k.id === form.data.category_id))
      return showService(c, undefined, form.values, { category_id: { key: "form.error.choice" } });
    const { id, ...data } = form.data;
    const fields = serviceFields(data);
    return commitAndRedirect(c, {
      write: (trx) => repo.insertService(trx, id, fields),
      audit: {
        actor: { personId: admin.id },
        action: "entraide.service.create",
        subject: { type: "entraide_service", id },
        data: { ...fields },
      },
      after: async () => void (await portalFor(c.get("deps")).refresh()),
      flash: "entraide.flash.service_saved",
      to: href(c, ADMIN),
    });
  });

  area.get("/services/:id", async (c) => {
    const service = await existingService(c);
    return showService(c, service.id, serviceValues(service));
  });

  area.post("/services/:id", async (c) => {
    const admin = requirePlatformAdmin(c);
    const service = await existingService(c);
    const form = await parseForm(c, ServiceSchema);
    if (!form.ok) return showService(c, service.id, form.values, form.errors);
    if (!(await categoryChoices(c)).some((k) => k.id === form.data.category_id))
      return showService(c, service.id, form.values, { category_id: { key: "form.error.choice" } });
    const fields = serviceFields(form.data);
    return commitAndRedirect(c, {
      write: (trx) => repo.updateService(trx, service.id, fields),
      audit: {
        actor: { personId: admin.id },
        action: "entraide.service.update",
        subject: { type: "entraide_service", id: service.id },
        data: { ...fields },
      },
      after: async () => void (await portalFor(c.get("deps")).refresh()),
      flash: "entraide.flash.service_saved",
      to: href(c, ADMIN),
    });
  });

  router.route(ADMIN, area);
}
