import type { CheckReport, CheckResult } from "./chatonsinfos/check.js";
import { memberFieldsFromFile, serviceFieldsFromFile } from "./chatonsinfos/mapping.js";
import type { ParsedFile } from "./chatonsinfos/parse.js";
import type { FieldValues } from "../directory/published.js";
import { resultsFrom } from "./report.js";

/**
 * What the crawl learned from one content (one hash), stored with it so that pages and exports
 * read it and never parse a file again: the directory fields the file states (compared with what
 * the platform holds) and the whole check, valid properties included, in the checker's order.
 */
export interface FileFacts {
  fields: FieldValues;
  results: CheckResult[];
}

export function factsOf(parsed: ParsedFile, report: CheckReport, federation: string): FileFacts {
  const fields =
    report.fileClass === "organization"
      ? memberFieldsFromFile(parsed, federation)
      : report.fileClass === "service"
        ? serviceFieldsFromFile(parsed)
        : {};
  const values: FieldValues = {};
  for (const [key, value] of Object.entries(fields))
    if (typeof value === "string" || typeof value === "number") values[key] = value;
  return { fields: values, results: report.results };
}

/** Stored facts (JSON text), read tolerantly; undefined when absent or unreadable. */
export function readFacts(text: string | null | undefined): FileFacts | undefined {
  if (!text) return undefined;
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== "object" || raw === null) return undefined;
    const fields: unknown = Reflect.get(raw, "fields");
    const values: FieldValues = {};
    if (typeof fields === "object" && fields !== null)
      for (const [key, value] of Object.entries(fields))
        if (typeof value === "string" || typeof value === "number") values[key] = value;
    return { fields: values, results: resultsFrom(Reflect.get(raw, "results")) };
  } catch {
    return undefined;
  }
}
