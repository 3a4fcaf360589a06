import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm, type FieldErrors } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { HttpError } from "../../http/errors.js";
import { audit } from "../../audit/audit.js";
import type { DB } from "../../db/adapter.js";
import { nowIso } from "../../db/ids.js";
import * as repo from "./directory.repository.js";
import { requireMemberEditor } from "./directory.policy.js";
import { ServiceSchema, slugFor, RESERVED_SLUGS } from "./directory.schema.js";
import { changedFields, serviceFieldsFromForm } from "./directory.fields.js";
import { invalidateDirectory } from "./snapshot.js";
import { loadMember } from "./member-edit.routes.js";
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

export function serviceEditPages(router: Hono<AppEnv>): void {
  router.get("/members/:slug/services/new", async (c) => {
    const member = await loadMember(c);
    requireMemberEditor(c, member);
    const categories = await repo.listCategories(c.get("deps").db);
    return render(
      c,
      <ServiceFormPage
        c={c}
        member={member}
        categories={categories}
        values={{ ...NEW_SERVICE_VALUES, host_country: member.country_code ?? "" }}
      />,
    );
  });

  router.post("/members/:slug/services/new", async (c) => {
    const member = await loadMember(c);
    const person = requireMemberEditor(c, member);
    const { db } = c.get("deps");
    const categories = await repo.listCategories(db);
    const form = await parseForm(c, ServiceSchema);
    if (!form.ok)
      return render(
        c,
        <ServiceFormPage
          c={c}
          member={member}
          categories={categories}
          values={form.values}
          errors={form.errors}
        />,
        422,
      );
    const { slug, errors } = await crossCheck(db, member, form, categories);
    if (Object.keys(errors).length > 0)
      return render(
        c,
        <ServiceFormPage
          c={c}
          member={member}
          categories={categories}
          values={form.values}
          errors={errors}
        />,
        422,
      );
    await db.transaction().execute(async (trx) => {
      const id = await repo.createService(
        trx,
        member.id,
        serviceFieldsFromForm(form.data, slug, await softwareFor(trx, form)),
      );
      await audit(trx, {
        actor: { personId: person.id, memberId: member.id },
        action: "service.create",
        subject: { type: "service", id },
        data: { member_id: member.id, slug },
      });
    });
    invalidateDirectory();
    await flash(c, { kind: "success", text: "directory.service.new.done" });
    return c.redirect(`${href(c, `/members/${member.slug}`)}#service-${slug}`, 303);
  });

  router.get("/members/:slug/services/:service/edit", async (c) => {
    const member = await loadMember(c);
    requireMemberEditor(c, member);
    const service = await loadService(c, member);
    const categories = await repo.listCategories(c.get("deps").db, { includeArchived: true });
    return render(
      c,
      <ServiceFormPage
        c={c}
        member={member}
        service={service}
        categories={categories.filter((cat) => !cat.archived_at || cat.id === service.category_id)}
        values={serviceValues(service)}
      />,
    );
  });

  router.post("/members/:slug/services/:service/edit", async (c) => {
    const member = await loadMember(c);
    const person = requireMemberEditor(c, member);
    const service = await loadService(c, member);
    const { db } = c.get("deps");
    // A service keeps its category even once that category is archived.
    const categories = (await repo.listCategories(db, { includeArchived: true })).filter(
      (cat) => !cat.archived_at || cat.id === service.category_id,
    );
    const form = await parseForm(c, ServiceSchema);
    const page = (errors: FieldErrors) =>
      render(
        c,
        <ServiceFormPage
          c={c}
          member={member}
          service={service}
          categories={categories}
          values={form.values}
          errors={errors}
        />,
        422,
      );
    if (!form.ok) return page(form.errors);
    const { slug, errors } = await crossCheck(db, member, form, categories, service.id);
    if (Object.keys(errors).length > 0) return page(errors);
    await db.transaction().execute(async (trx) => {
      const fields = serviceFieldsFromForm(form.data, slug, await softwareFor(trx, form));
      await repo.updateServiceFields(trx, service.id, fields);
      await audit(trx, {
        actor: { personId: person.id, memberId: member.id },
        action: "service.update",
        subject: { type: "service", id: service.id },
        data: { member_id: member.id, fields: changedFields(service, fields) },
      });
    });
    invalidateDirectory();
    await flash(c, { kind: "success", text: "directory.service.edit.done" });
    return c.redirect(`${href(c, `/members/${member.slug}`)}#service-${slug}`, 303);
  });

  for (const action of ["archive", "restore"] as const) {
    router.post(`/members/:slug/services/:service/${action}`, async (c) => {
      const member = await loadMember(c);
      const person = requireMemberEditor(c, member);
      const service = await loadService(c, member);
      await c
        .get("deps")
        .db.transaction()
        .execute(async (trx) => {
          await repo.updateServiceFields(trx, service.id, {
            archived_at: action === "archive" ? nowIso() : null,
          });
          await audit(trx, {
            actor: { personId: person.id, memberId: member.id },
            action: `service.${action}`,
            subject: { type: "service", id: service.id },
            data: { member_id: member.id },
          });
        });
      invalidateDirectory();
      await flash(c, {
        kind: "success",
        text: action === "archive" ? "directory.service.archive.done" : "directory.service.restore.done",
      });
      return c.redirect(href(c, `/dashboard/${member.slug}`), 303);
    });
  }
}
