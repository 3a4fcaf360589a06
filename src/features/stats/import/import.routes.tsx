import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { render } from "../../../http/render.js";
import { HttpError } from "../../../http/http-error.js";
import { requirePlatformAdmin } from "../../../http/policy.js";
import { checkbox, parseForm, text, url } from "../../../http/forms.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { categoryChoices } from "../../directory/published.js";
import { findImport, listImports, startImportRow } from "./records.js";
import { completeImport } from "./run.js";
import { platformSoftwareTable, setSoftwareCategory } from "./software.js";
import { ImportPage, parseStoredReport } from "../views/import.js";

const StartSchema = z.object({ url: url(), dry_run: checkbox() });
const PlaceSchema = z.object({ software: text(120), category: text(80) });

/** /stats/import: the federation import for platform admins, and the software → category table. */
export function importPages(router: Hono<AppEnv>): void {
  router.get("/stats/import", async (c) => {
    requirePlatformAdmin(c);
    const { db, config } = c.get("deps");
    const imports = await listImports(db);
    const requested = c.req.query("id");
    const shown = requested ? await findImport(db, requested.slice(0, 64)) : imports[0];
    return render(
      c,
      <ImportPage
        c={c}
        imports={imports}
        shown={shown}
        report={parseStoredReport(shown?.report ?? null)}
        categories={await categoryChoices(db)}
        software={await platformSoftwareTable(db)}
        defaultUrl={config.stats.federationUrl ?? ""}
      />,
    );
  });

  router.post("/stats/import", async (c) => {
    const admin = requirePlatformAdmin(c);
    const deps = c.get("deps");
    const form = await parseForm(c, StartSchema);
    if (!form.ok) {
      return render(
        c,
        <ImportPage
          c={c}
          imports={await listImports(deps.db)}
          shown={undefined}
          report={null}
          categories={await categoryChoices(deps.db)}
          software={await platformSoftwareTable(deps.db)}
          defaultUrl=""
          form={form}
        />,
        422,
      );
    }
    const options = { url: form.data.url, dryRun: form.data.dry_run, personId: admin.id };
    return commitAndRedirect(c, {
      write: (trx) => startImportRow(trx, { ...options, at: deps.now().toISOString() }),
      audit: (id: string) => ({
        actor: { personId: admin.id },
        action: "stats.import.start",
        subject: { type: "import", id },
        data: { url: options.url, dryRun: options.dryRun },
      }),
      flash: "stats.import.started",
      to: (id: string) => href(c, `/stats/import?id=${id}`),
      // An import reads the whole federation: it runs after the answer, the page shows its progress.
      after: (id: string) => {
        void completeImport(deps, id, options).catch((error: unknown) =>
          deps.log.warn({ err: error }, "federation import failed"),
        );
      },
    });
  });

  router.post("/stats/import/software", async (c) => {
    const admin = requirePlatformAdmin(c);
    const deps = c.get("deps");
    const form = await parseForm(c, PlaceSchema);
    const categories = await categoryChoices(deps.db);
    if (!form.ok || !categories.some((k) => k.id === form.data.category))
      throw new HttpError(422, "bad-form");
    const { software, category } = form.data;
    return commitAndRedirect(c, {
      write: (trx) =>
        setSoftwareCategory(trx, {
          name: software,
          categoryId: category,
          personId: admin.id,
          at: deps.now().toISOString(),
        }),
      audit: {
        actor: { personId: admin.id },
        action: "stats.software.category",
        subject: { type: "software", id: software },
        data: { category },
      },
      flash: "stats.import.placed",
      to: href(c, "/stats/import"),
    });
  });
}
