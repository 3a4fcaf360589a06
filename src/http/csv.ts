import type { Context } from "hono";
import { stringify } from "csv-stringify/sync";

/**
 * The one CSV writer of the platform: every export goes through it. Exports carry what members
 * typed (names, cities, URLs), and a spreadsheet runs a cell starting with = + - @ (or a tab or
 * carriage return before one) as a formula: such text gets a leading single quote, as OWASP
 * recommends. Numbers stay numbers, so a negative longitude is still a number.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvSafe(value: CsvCell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  if (header.length === 0 && rows.length === 0) return "";
  return stringify([header.map(csvSafe), ...rows.map((row) => row.map(csvSafe))]);
}

/** Rows given as records: the columns are the first record's keys. */
export function recordsToCsv(records: readonly Record<string, CsvCell>[]): string {
  const columns = records[0] ? Object.keys(records[0]) : [];
  return toCsv(
    columns,
    records.map((r) => columns.map((k) => r[k])),
  );
}

/** Sends a CSV body with its headers; `attachment` makes browsers save it under `filename`. */
export function sendCsv(
  c: Context,
  filename: string,
  body: string,
  disposition: "inline" | "attachment" = "attachment",
): Response {
  c.header("content-disposition", `${disposition}; filename="${filename.replace(/[^\w.-]/g, "_")}"`);
  return c.body(body, 200, { "content-type": "text/csv; charset=utf-8" });
}
