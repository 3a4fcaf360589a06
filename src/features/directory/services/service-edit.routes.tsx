import type { Hono } from "hono";
import type { AppContext, AppEnv, CurrentPerson } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm, type FieldErrors, type FormValues } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { HttpError } from "../../../http/errors.js";
import type { DB } from "../../../db/adapter.js";
import { nowIso } from "../../../db/ids.js";
import * as repo from "../directory.repository.js";
import { requireMemberEditor } from "../directory.policy.js";
import { ServiceSchema, slugFor, RESERVED_SLUGS } from "../directory.schema.js";
import { changedFields, serviceFieldsFromForm } from "../members/directory.fields.js";
import { invalidateDirectory } from "../finder/snapshot.js";
import { loadMember } from "../members/member-edit.routes.js";
import { NEW_SERVICE_VALUES, ServiceFormPage, serviceValues } from "./service-form.views.js";

type ServiceForm = Extract<Awaited<ReturnType<typeof parseForm<typeof ServiceSchema>>>, { ok: true }>;

async function loadService(c: AppContext, member: repo.MemberRow): Promise<repo.ServiceDetail> {
  const service = await repo.findServiceBySlug(c.get("deps").db, member.id, c.req.param("service") ?? "");
  if (!service) throw new HttpError(404, "404");
  return service;
}

/** Checks what the schema cannot: the category exists, the slug is free within the member. */
async function crossCheck(
  db: DB,
  member: repo.MemberRow,
  form: ServiceForm,
  categories: repo.CategoryRow[],
  except?: string,
): Promise<{ slug: string; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  if (!categories.some((cat) => cat.id === form.data.category_id))
    errors.category_id = { key: "directory.error.category" };
  const slug = slugFor(form.data.slug, form.data.name);
  if (RESERVED_SLUGS.includes(slug)) errors.slug = { key: "directory.error.slug_reserved" };
  else if (await repo.serviceSlugTaken(db, member.id, slug, except))
    errors.slug = { key: "directory.error.slug_taken" };
  return { slug, errors };
}

async function softwareFor(db: DB, form: ServiceForm): Promise<string | null> {
  const { software_name, software_license, software_source_url } = form.data;
  if (!software_name) return null;
  return repo.upsertSoftware(db, {
    name: software_name,
    license: software_license ?? null,
    source_url: software_source_url ?? null,
  });
}

function formPage(
  c: AppContext,
  member: repo.MemberRow,
  categories: repo.CategoryRow[],
  form: { values: FormValues; errors?: FieldErrors },
  service?: repo.ServiceDetail,
) {
  return render(
    c,
    <ServiceFormPage
      c={c}
      member={member}
      service={service}
      categories={categories}
      values={form.values}
      errors={form.errors}
    />,
    form.errors ? 422 : 200,
  );
}

/** Creates or updates the service with its software, audited in the same transaction. */
async function saveService(
  c: AppContext,
  member: repo.MemberRow,
  person: CurrentPerson,
  form: ServiceForm,
  slug: string,
  service?: repo.ServiceDetail,
): Promise<Response> {
  return commitAndRedirect(c, {
    write: async (trx) => {
      const fields = serviceFieldsFromForm(form.data, slug, await softwareFor(trx, form));
      const id = service ? service.id : await repo.createService(trx, member.id, fields);
      if (service) await repo.updateServiceFields(trx, service.id, fields);
      return { id, fields };
    },
    audit: ({ id, fields }) => ({
      actor: { personId: person.id, memberId: member.id },
      action: service ? "service.update" : "service.create",
      subject: { type: "service", id },
      data: service
        ? { member_id: member.id, fields: changedFields(service, fields) }
        : { member_id: member.id, slug },
    }),
    after: invalidateDirectory,
    flash: service ? "directory.service.edit.done" : "directory.service.new.done",
    to: `${href(c, `/members/${member.slug}`)}#service-${slug}`,
  });
}

/** A service keeps its category even once that category is archived. */
async function categoriesFor(c: AppContext, service?: repo.ServiceDetail) {
  const all = await repo.listCategories(c.get("deps").db, { includeArchived: true });
  return all.filter((cat) => !cat.archived_at || cat.id === service?.category_id);
}

export function serviceEditPages(router: Hono<AppEnv>): void {
  router.get("/members/:slug/services/new", async (c) => {
    const member = await loadMember(c);
    requireMemberEditor(c, member);
    const values = { ...NEW_SERVICE_VALUES, host_country: member.country_code ?? "" };
    return formPage(c, member, await categoriesFor(c), { values });
  });

  router.post("/members/:slug/services/new", async (c) => {
    const member = await loadMember(c);
    const person = requireMemberEditor(c, member);
    const categories = await categoriesFor(c);
    const form = await parseForm(c, ServiceSchema);
    if (!form.ok) return formPage(c, member, categories, form);
    const { slug, errors } = await crossCheck(c.get("deps").db, member, form, categories);
    if (Object.keys(errors).length > 0)
      return formPage(c, member, categories, { values: form.values, errors });
    return saveService(c, member, person, form, slug);
  });

  router.get("/members/:slug/services/:service/edit", async (c) => {
    const member = await loadMember(c);
    requireMemberEditor(c, member);
    const service = await loadService(c, member);
    return formPage(c, member, await categoriesFor(c, service), { values: serviceValues(service) }, service);
  });

  router.post("/members/:slug/services/:service/edit", async (c) => {
    const member = await loadMember(c);
    const person = requireMemberEditor(c, member);
    const service = await loadService(c, member);
    const categories = await categoriesFor(c, service);
    const form = await parseForm(c, ServiceSchema);
    if (!form.ok) return formPage(c, member, categories, form, service);
    const { slug, errors } = await crossCheck(c.get("deps").db, member, form, categories, service.id);
    if (Object.keys(errors).length > 0)
      return formPage(c, member, categories, { values: form.values, errors }, service);
    return saveService(c, member, person, form, slug, service);
  });

  for (const action of ["archive", "restore"] as const) {
    router.post(`/members/:slug/services/:service/${action}`, async (c) => {
      const member = await loadMember(c);
      const person = requireMemberEditor(c, member);
      const service = await loadService(c, member);
      return commitAndRedirect(c, {
        write: (trx) =>
          repo.updateServiceFields(trx, service.id, { archived_at: action === "archive" ? nowIso() : null }),
        audit: {
          actor: { personId: person.id, memberId: member.id },
          action: `service.${action}`,
          subject: { type: "service", id: service.id },
          data: { member_id: member.id },
        },
        after: invalidateDirectory,
        flash: action === "archive" ? "directory.service.archive.done" : "directory.service.restore.done",
        to: href(c, `/dashboard/${member.slug}`),
      });
    });
  }
}
