/** What one import did, kept with the import row and shown by the command and the admin page. */

export type ImportAction = "created" | "updated" | "unchanged" | "skipped" | "unplaced" | "failed";

/** Why something was skipped, left unplaced, or why fields were kept: codes the page translates. */
export type ImportReason =
  "fetch-failed" | "not-organization" | "not-service" | "no-address" | "no-category" | "no-member" | "edited";

export interface ImportEntry {
  kind: "member" | "service";
  action: ImportAction;
  url: string;
  name: string;
  /** The member an entry of a service belongs to (its slug). */
  member?: string;
  /** Fields written. */
  fields?: string[];
  /** Fields kept because the structure edited them in the platform. */
  kept?: string[];
  reason?: ImportReason;
  /** The fetch result, or the software that could not be placed. */
  detail?: string;
}

export interface ImportReport {
  url: string;
  dryRun: boolean;
  /** Set when the import could not run at all (the federation file). */
  fatal: string | null;
  entries: ImportEntry[];
}

export function tally(report: ImportReport): Record<ImportAction, number> {
  const out: Record<ImportAction, number> = {
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    unplaced: 0,
    failed: 0,
  };
  for (const e of report.entries) out[e.action]++;
  return out;
}

const REASONS: Record<ImportReason, string> = {
  "fetch-failed": "the file could not be read",
  "not-organization": "not an organization file",
  "not-service": "not a service file",
  "no-address": "the file gives no valid service.website",
  "no-category": "no category known for its software",
  "no-member": "its organization was not imported",
  edited: "edited in the platform, kept",
};

/** The report as the command prints it (English: the command line has no locale). */
export function reportLines(report: ImportReport): string[] {
  const lines = report.entries.map((e) => {
    const what = `${e.action.padEnd(9)} ${e.kind.padEnd(7)} ${e.member ? `${e.member}/` : ""}${e.name}`;
    const parts = [
      e.fields?.length ? `fields: ${e.fields.join(", ")}` : "",
      e.kept?.length ? `kept (${REASONS.edited}): ${e.kept.join(", ")}` : "",
      e.reason && e.reason !== "edited" ? `${REASONS[e.reason]}${e.detail ? ` (${e.detail})` : ""}` : "",
    ].filter(Boolean);
    return parts.length ? `${what}: ${parts.join("; ")}` : what;
  });
  const t = tally(report);
  lines.push(
    `${report.dryRun ? "dry run, nothing written: " : ""}${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.unplaced} to place, ${t.failed} failed`,
  );
  return lines;
}
