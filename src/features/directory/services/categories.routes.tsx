import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm, type FieldErrors, type FormValues } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { requirePlatformAdmin } from "../../../http/policy.js";
import { HttpError } from "../../../http/errors.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { guard } from "../../../http/guard.js";
import { nowIso } from "../../../db/ids.js";
import { Layout } from "../../../views/Layout.js";
import {
  Checkbox,
  Csrf,
  ErrorSummary,
  FormFields,
  SelectField,
  TextField,
} from "../../../views/components.js";
import { listCategories, refreshServiceSearch, type CategoryRow } from "../directory.repository.js";
import {
  findCategory,
  insertCategory,
  servicesPerCategory,
  updateCategory,
} from "./categories.repository.js";
import { CategorySchema, NewCategorySchema } from "../directory.schema.js";
import { SERVICE_FAMILIES } from "../directory.tables.js";
import { enumLabel } from "../labels.js";
import { invalidateDirectory } from "../finder/snapshot.js";

const categoryValues = (cat: CategoryRow): FormValues => ({
  id: cat.id,
  family: cat.family,
  name_fr: cat.name_fr,
  name_en: cat.name_en,
  name_de: cat.name_de,
  description_fr: cat.description_fr,
  description_en: cat.description_en,
  position: String(cat.position),
  archived: cat.archived_at ? "1" : "",
});

function CategoryFields({
  c,
  values,
  errors,
  withId,
}: {
  c: AppContext;
  values: FormValues;
  errors?: FieldErrors | undefined;
  withId: boolean;
}) {
  const t = c.get("t");
  return (
    <FormFields c={c} values={values} errors={errors}>
      {withId ? (
        <TextField
          name="id"
          label={t("directory.categories.id")}
          hint={t("directory.form.slug.hint")}
          required
          maxlength={60}
        />
      ) : null}
      <SelectField
        name="family"
        label={t("directory.categories.family")}
        required
        options={SERVICE_FAMILIES.map((f) => ({ value: f, label: enumLabel(t, "directory.family.", f) }))}
      />
      <TextField name="name_fr" label={t("directory.categories.name_fr")} required maxlength={100} />
      <TextField name="name_en" label={t("directory.categories.name_en")} required maxlength={100} />
      <TextField
        name="name_de"
        label={t("directory.categories.name_de")}
        hint={t("directory.categories.name_de.hint")}
        maxlength={100}
      />
      <TextField name="description_fr" label={t("directory.categories.description_fr")} maxlength={500} />
      <TextField name="description_en" label={t("directory.categories.description_en")} maxlength={500} />
      <TextField name="position" type="number" label={t("directory.categories.position")} />
      {withId ? null : (
        <Checkbox
          name="archived"
          label={t("directory.categories.archived")}
          checked={values.archived === "1" || values.archived === "on"}
        />
      )}
    </FormFields>
  );
}

interface PageProps {
  c: AppContext;
  categories: CategoryRow[];
  usage: Map<string, number>;
  failed?: { id: string | null; values: FormValues; errors: FieldErrors } | undefined;
}

function CategoriesPage({ c, categories, usage, failed }: PageProps) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("directory.categories.title")} wide>
      <h1>{t("directory.categories.title")}</h1>
      <p>{t("directory.categories.intro")}</p>
      {failed ? <ErrorSummary c={c} errors={failed.errors} /> : null}
      <div class="columns">
        {categories.map((cat) => {
          const mine = failed?.id === cat.id ? failed : undefined;
          return (
            <form method="post" action={href(c, `/admin/categories/${cat.id}`)} class="card" novalidate>
              <h2>
                {cat.id} {cat.archived_at ? `(${t("directory.categories.archived")})` : ""}
              </h2>
              <p class="muted">{t.plural("directory.categories.services", usage.get(cat.id) ?? 0)}</p>
              <Csrf c={c} />
              <CategoryFields
                c={c}
                values={mine?.values ?? categoryValues(cat)}
                errors={mine?.errors}
                withId={false}
              />
              <button type="submit" class="button">
                {t("form.save")}
              </button>
            </form>
          );
        })}
      </div>
      <h2 id="new">{t("directory.categories.add")}</h2>
      <form method="post" action={href(c, "/admin/categories")} class="narrow" novalidate>
        <Csrf c={c} />
        <CategoryFields
          c={c}
          values={failed?.id === null ? failed.values : { family: "web" }}
          errors={failed?.id === null ? failed.errors : undefined}
          withId
        />
        <button type="submit" class="button">
          {t("directory.categories.add")}
        </button>
      </form>
    </Layout>
  );
}

async function showPage(c: AppContext, failed?: PageProps["failed"]) {
  const { db } = c.get("deps");
  return render(
    c,
    <CategoriesPage
      c={c}
      categories={await listCategories(db, { includeArchived: true })}
      usage={await servicesPerCategory(db)}
      failed={failed}
    />,
    failed ? 422 : 200,
  );
}

export function categoryPages(router: Hono<AppEnv>): void {
  const admin = new Hono<AppEnv>();
  admin.use(guard(requirePlatformAdmin));

  admin.get("/", (c) => showPage(c));

  admin.post("/", async (c) => {
    const person = requirePlatformAdmin(c);
    const { db } = c.get("deps");
    const form = await parseForm(c, NewCategorySchema);
    if (!form.ok) return showPage(c, { id: null, values: form.values, errors: form.errors });
    const { archived: _archived, position, ...fields } = form.data;
    if (await findCategory(db, fields.id))
      return showPage(c, {
        id: null,
        values: form.values,
        errors: { id: { key: "directory.error.slug_taken" } },
      });
    return commitAndRedirect(c, {
      write: (trx) => insertCategory(trx, { ...fields, position: position ?? 1000 }),
      audit: {
        actor: { personId: person.id },
        action: "category.create",
        subject: { type: "category", id: fields.id },
      },
      after: invalidateDirectory,
      flash: "directory.categories.created",
      to: href(c, "/admin/categories"),
    });
  });

  admin.post("/:id", async (c) => {
    const person = requirePlatformAdmin(c);
    const { db } = c.get("deps");
    const id = c.req.param("id");
    const current = await findCategory(db, id);
    if (!current) throw new HttpError(404, "404");
    const form = await parseForm(c, CategorySchema);
    if (!form.ok) return showPage(c, { id, values: form.values, errors: form.errors });
    const { archived, position, ...fields } = form.data;
    return commitAndRedirect(c, {
      write: async (trx) => {
        await updateCategory(trx, id, {
          ...fields,
          position: position ?? current.position,
          archived_at: archived ? (current.archived_at ?? nowIso()) : null,
        });
        await refreshServiceSearch(trx, { categoryId: id });
      },
      audit: {
        actor: { personId: person.id },
        action: "category.update",
        subject: { type: "category", id },
        data: { ...fields, archived },
      },
      after: invalidateDirectory,
      flash: "directory.categories.saved",
      to: href(c, "/admin/categories"),
    });
  });

  router.route("/admin/categories", admin);
}
