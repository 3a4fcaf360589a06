import type { Selectable } from "kysely";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FormResult } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import {
  Badge,
  Checkbox,
  Csrf,
  ErrorSummary,
  FormFields,
  SelectField,
  TextField,
} from "../../../views/components.js";
import type { CategoryChoice } from "../../directory/published.js";
import type { StatsSoftwareCategoriesTable } from "../stats.tables.js";
import type { ImportRun } from "../import/records.js";
import { tally, type ImportAction, type ImportEntry, type ImportReport } from "../import/report.js";
import { StatsNav } from "./common.js";

type ImportRow = ImportRun;

const ACTIONS: ImportAction[] = ["created", "updated", "unchanged", "skipped", "unplaced", "failed"];
const TONE = {
  created: "ok",
  updated: "info",
  unchanged: "neutral",
  skipped: "warn",
  unplaced: "warn",
  failed: "bad",
} as const;

function isEntry(e: unknown): e is ImportEntry {
  return (
    typeof e === "object" &&
    e !== null &&
    "action" in e &&
    typeof e.action === "string" &&
    (ACTIONS as string[]).includes(e.action) &&
    "url" in e &&
    typeof e.url === "string"
  );
}

export function parseStoredReport(text: string | null): ImportReport | null {
  if (!text) return null;
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== "object" || raw === null || !("entries" in raw) || !Array.isArray(raw.entries))
    return null;
  const entries: unknown[] = raw.entries;
  return {
    url: "url" in raw && typeof raw.url === "string" ? raw.url : "",
    dryRun: "dryRun" in raw && raw.dryRun === true,
    fatal: "fatal" in raw && typeof raw.fatal === "string" ? raw.fatal : null,
    entries: entries.filter(isEntry),
  };
}

function EntryRow({ c, e }: { c: AppContext; e: ImportEntry }) {
  const t = c.get("t");
  return (
    <tr>
      <td>
        <Badge tone={TONE[e.action]}>{t(`stats.import.action.${e.action}`)}</Badge>
      </td>
      <td>{t(`stats.import.kind.${e.kind}`)}</td>
      <td>
        {e.member && e.kind === "service" ? `${e.member} / ` : ""}
        <a href={e.url}>{e.name}</a>
      </td>
      <td>
        {e.fields?.length ? t("stats.import.fields", { fields: e.fields.join(", ") }) : ""}
        {e.kept?.length ? <> {t("stats.import.kept", { fields: e.kept.join(", ") })}</> : null}
        {e.reason && e.reason !== "edited"
          ? t(`stats.import.reason.${e.reason}`, { detail: e.detail ?? "" })
          : null}
      </td>
    </tr>
  );
}

function Report({ c, row, report }: { c: AppContext; row: ImportRow; report: ImportReport | null }) {
  const t = c.get("t");
  if (!report) return <p>{t("stats.import.running")}</p>;
  const counts = tally(report);
  return (
    <section aria-labelledby="import-report">
      <h2 id="import-report">{t("stats.import.report", { at: t.dateTime(row.started_at) })}</h2>
      <p>
        <code class="stats-url">{report.url}</code>{" "}
        {report.dryRun ? <Badge tone="info">{t("stats.import.dryRun")}</Badge> : null}
      </p>
      {report.fatal ? (
        <p class="notice notice--error">
          {t("stats.import.fatal")} <span lang="en">{report.fatal}</span>
        </p>
      ) : null}
      <p>{t("stats.import.tally", counts)}</p>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t("stats.import.col.action")}</th>
            <th scope="col">{t("stats.import.col.kind")}</th>
            <th scope="col">{t("stats.import.col.name")}</th>
            <th scope="col">{t("stats.import.col.why")}</th>
          </tr>
        </thead>
        <tbody>
          {report.entries.map((e) => (
            <EntryRow c={c} e={e} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Place({
  c,
  software,
  categories,
}: {
  c: AppContext;
  software: string;
  categories: CategoryChoice[];
}) {
  const t = c.get("t");
  return (
    <form method="post" action={href(c, "/stats/import/software")} class="stats-place">
      <Csrf c={c} />
      <input type="hidden" name="software" value={software} />
      <SelectField
        c={c}
        name="category"
        label={t("stats.import.place.label", { software: software || "—" })}
        required
        options={categories.map((k) => ({ value: k.id, label: k.names[c.get("locale")] }))}
      />
      <button type="submit" class="button button--small button--secondary">
        {t("stats.import.place.save")}
      </button>
    </form>
  );
}

export function ImportPage(props: {
  c: AppContext;
  imports: ImportRow[];
  shown: ImportRow | undefined;
  report: ImportReport | null;
  categories: CategoryChoice[];
  software: Selectable<StatsSoftwareCategoriesTable>[];
  defaultUrl: string;
  form?: FormResult<unknown>;
}) {
  const { c, report, categories } = props;
  const t = c.get("t");
  const unplaced = [
    ...new Set((report?.entries ?? []).filter((e) => e.action === "unplaced").map((e) => e.detail ?? "")),
  ];
  const names = new Map(categories.map((k) => [k.id, k.names[c.get("locale")]]));
  const errors = props.form && !props.form.ok ? props.form.errors : undefined;
  return (
    <Layout c={c} title={t("stats.import.title")} section="stats" wide>
      <h1>{t("stats.import.title")}</h1>
      <StatsNav c={c} current="crawls" />
      <p class="lead">{t("stats.import.intro")}</p>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action={href(c, "/stats/import")}>
        <Csrf c={c} />
        <FormFields c={c} values={props.form?.values ?? { url: props.defaultUrl }} errors={errors}>
          <TextField name="url" type="url" label={t("stats.import.url")} required inputmode="url" />
        </FormFields>
        <Checkbox name="dry_run" label={t("stats.import.dryRun.label")} checked />
        <button type="submit" class="button">
          {t("stats.import.start")}
        </button>
      </form>
      {props.shown ? <Report c={c} row={props.shown} report={report} /> : null}
      {unplaced.length > 0 ? (
        <section aria-labelledby="import-unplaced">
          <h2 id="import-unplaced">{t("stats.import.unplaced")}</h2>
          <p>{t("stats.import.unplaced.intro")}</p>
          {unplaced.map((s) => (
            <Place c={c} software={s} categories={categories} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="import-software">
        <h2 id="import-software">{t("stats.import.software")}</h2>
        <p>{t("stats.import.software.intro")}</p>
        <ul>
          {props.software.map((s) => (
            <li>
              {s.software_name} → {names.get(s.category_id) ?? s.category_id}
            </li>
          ))}
        </ul>
      </section>
      {props.imports.length > 0 ? (
        <section aria-labelledby="import-history">
          <h2 id="import-history">{t("stats.import.history")}</h2>
          <ul>
            {props.imports.map((i) => (
              <li>
                <a href={href(c, `/stats/import?id=${i.id}`)}>{t.dateTime(i.started_at)}</a> —{" "}
                <code>{i.url}</code> {t(`stats.import.status.${i.status}`)}
                {i.dryRun ? ` (${t("stats.import.dryRun")})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
