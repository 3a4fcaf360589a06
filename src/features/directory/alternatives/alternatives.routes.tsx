import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm, type FieldErrors, type FormValues } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { requirePlatformAdmin } from "../../../http/policy.js";
import { HttpError } from "../../../http/errors.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { guard } from "../../../http/guard.js";
import { listCategories } from "../directory.repository.js";
import { invalidateDirectory } from "../finder/snapshot.js";
import {
  findAlternative,
  insertAlternative,
  listAlternatives,
  updateAlternative,
  type Alternative,
  type AlternativeFields,
} from "./alternatives.repository.js";
import { AlternativeSchema, NewAlternativeSchema, type AlternativeForm } from "./alternatives.schema.js";
import { alternativeValues, AlternativeFormPage, AlternativesList } from "./alternatives.views.js";

/** /admin/alternatives: platform admins edit the catalogue of proprietary services (decision 018). */

const fieldsOf = (form: AlternativeForm): AlternativeFields => ({
  name: form.name,
  vendor: form.vendor ?? "",
  aliases: form.aliases,
  description: { fr: form.description_fr, en: form.description_en, de: form.description_de },
  categories: form.categories,
  software: form.software,
});

async function formPage(
  c: AppContext,
  entry: Alternative | null,
  values: FormValues,
  errors?: FieldErrors,
): Promise<Response> {
  const categories = await listCategories(c.get("deps").db);
  return render(
    c,
    <AlternativeFormPage c={c} entry={entry} categories={categories} values={values} errors={errors} />,
    errors ? 422 : 200,
  );
}

/** Categories must exist (and not be archived): an entry pointing nowhere would find nothing. */
async function unknownCategory(c: AppContext, ids: readonly string[]): Promise<FieldErrors | null> {
  const known = new Set((await listCategories(c.get("deps").db)).map((cat) => cat.id));
  return ids.every((id) => known.has(id))
    ? null
    : { categories: { key: "directory.alternatives.error.category" } };
}

async function loadEntry(c: AppContext): Promise<Alternative> {
  const entry = await findAlternative(c.get("deps").db, c.req.param("id") ?? "");
  if (!entry) throw new HttpError(404, "404");
  return entry;
}

export function alternativesPages(router: Hono<AppEnv>): void {
  const admin = new Hono<AppEnv>();
  admin.use(guard(requirePlatformAdmin));

  admin.get("/", async (c) => {
    const { db } = c.get("deps");
    const entries = await listAlternatives(db, { includeArchived: true });
    return render(c, <AlternativesList c={c} entries={entries} categories={await listCategories(db)} />);
  });

  admin.get("/new", (c) => formPage(c, null, {}));

  admin.post("/", async (c) => {
    const person = requirePlatformAdmin(c);
    const form = await parseForm(c, NewAlternativeSchema);
    if (!form.ok) return formPage(c, null, form.values, form.errors);
    const problem =
      (await unknownCategory(c, form.data.categories)) ??
      ((await findAlternative(c.get("deps").db, form.data.id))
        ? { id: { key: "directory.error.slug_taken" as const } }
        : null);
    if (problem) return formPage(c, null, form.values, problem);
    const { id } = form.data;
    return commitAndRedirect(c, {
      write: (trx) => insertAlternative(trx, id, fieldsOf(form.data)),
      audit: {
        actor: { personId: person.id },
        action: "alternative.create",
        subject: { type: "alternative", id },
        data: { name: form.data.name, categories: form.data.categories },
      },
      after: invalidateDirectory,
      flash: "directory.alternatives.admin.created",
      to: href(c, "/admin/alternatives"),
    });
  });

  admin.get("/:id", async (c) => {
    const entry = await loadEntry(c);
    return formPage(c, entry, alternativeValues(entry));
  });

  admin.post("/:id", async (c) => {
    const person = requirePlatformAdmin(c);
    const entry = await loadEntry(c);
    const form = await parseForm(c, AlternativeSchema);
    if (!form.ok) return formPage(c, entry, form.values, form.errors);
    const problem = await unknownCategory(c, form.data.categories);
    if (problem) return formPage(c, entry, form.values, problem);
    const fields = fieldsOf(form.data);
    return commitAndRedirect(c, {
      write: (trx) => updateAlternative(trx, entry.id, fields, form.data.archived, entry),
      audit: {
        actor: { personId: person.id },
        action: "alternative.update",
        subject: { type: "alternative", id: entry.id },
        data: { ...fields, archived: form.data.archived },
      },
      after: invalidateDirectory,
      flash: "directory.alternatives.admin.saved",
      to: href(c, "/admin/alternatives"),
    });
  });

  router.route("/admin/alternatives", admin);
}
