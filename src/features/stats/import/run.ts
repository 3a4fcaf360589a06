import type { Deps } from "../../../deps.js";
import type { CliCommand } from "../../feature.js";
import { inTransaction } from "../../../db/adapter.js";
import { audit } from "../../../audit/audit.js";
import { federationKey } from "../generated.js";
import { importOrganization, type ImportContext } from "./apply.js";
import { reportLines, tally, type ImportReport } from "./report.js";
import { softwareTable } from "./software.js";
import { walkFederation } from "./walk.js";
import { finishImportRow, startImportRow } from "./records.js";

/**
 * `chatons import --federation <URL>` and the admin page: read the federation, then create or
 * update the directory's structures and services from their files, one organization per
 * transaction. A federation file that cannot be read is fatal; anything below it is a line of the
 * report.
 */

export interface ImportOptions {
  url: string;
  dryRun: boolean;
  personId: string | null;
  signal?: AbortSignal;
}

export async function runImport(deps: Deps, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { url: options.url, dryRun: options.dryRun, fatal: null, entries: [] };
  let walk;
  try {
    walk = await walkFederation(deps, options.url, options.signal);
  } catch (error) {
    report.fatal = error instanceof Error ? error.message : String(error);
    return report;
  }
  const fed = walk.federation;
  if (!["ok", "generated", "not-modified"].includes(fed.outcome.result)) {
    report.fatal = `the federation file could not be read: ${fed.outcome.result}${fed.outcome.reason ? ` (${fed.outcome.reason})` : ""}`;
    return report;
  }
  if (fed.cls !== "federation") {
    report.fatal = "the file is not a federation file (file.class = federation)";
    return report;
  }
  const ctx: ImportContext = {
    dryRun: options.dryRun,
    actor: options.personId ? { personId: options.personId } : null,
    federation: federationKey(deps.config),
    software: await softwareTable(deps.db),
    at: deps.now().toISOString(),
  };
  for (const org of walk.organizations)
    report.entries.push(...(await inTransaction(deps.db, (trx) => importOrganization(trx, org, ctx))));
  return report;
}

/** Runs an import whose row exists, and keeps its report there (and its audit entry). */
export async function completeImport(deps: Deps, id: string, options: ImportOptions): Promise<ImportReport> {
  const report = await runImport(deps, options);
  await inTransaction(deps.db, async (trx) => {
    await finishImportRow(trx, id, report, deps.now().toISOString());
    if (!options.dryRun)
      await audit(trx, {
        actor: options.personId ? { personId: options.personId } : null,
        action: "stats.import.run",
        subject: { type: "import", id },
        data: { url: options.url, fatal: report.fatal, ...tally(report) },
      });
  });
  return report;
}

/** An import kept with its report (the admin page, and the command unless it is a dry run). */
export async function recordedImport(
  deps: Deps,
  options: ImportOptions,
): Promise<{ id: string; report: ImportReport }> {
  const id = await startImportRow(deps.db, {
    url: options.url,
    dryRun: options.dryRun,
    personId: options.personId,
    at: deps.now().toISOString(),
  });
  return { id, report: await completeImport(deps, id, options) };
}

const out = (line: string) => process.stdout.write(`${line}\n`);

function argument(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export const importCommand: CliCommand = {
  name: "import",
  summary: "Import a federation's members and services into the directory from their ChatonsInfos files",
  usage: `chatons import --federation <URL> [--dry-run]

  Reads the federation file at <URL>, every organization and service file it lists, and creates
  or updates the directory's member structures and services. Fields a structure edited in the
  platform are kept unless it chose "my files are my source of truth". Services whose software has
  no category are listed to be placed on /stats/import. Prints what was created, updated, skipped
  and why; exits with 1 when the federation file cannot be read.
  --dry-run   say what would change, write nothing`,
  async run(deps, args) {
    const url = argument(args, "--federation");
    if (args.includes("--help") || args.includes("-h") || !url) {
      out(this.usage);
      return url ? 0 : 2;
    }
    const dryRun = args.includes("--dry-run");
    const report = dryRun
      ? await runImport(deps, { url, dryRun, personId: null })
      : (await recordedImport(deps, { url, dryRun, personId: null })).report;
    if (report.fatal) {
      process.stderr.write(`import failed: ${report.fatal}\n`);
      return 1;
    }
    for (const line of reportLines(report)) out(line);
    return 0;
  },
};
