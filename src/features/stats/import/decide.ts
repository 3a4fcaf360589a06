import { comparable } from "../chatonsinfos/mapping.js";

/**
 * Which fields an import writes (pure). A file value replaces the platform's when they differ and
 * the platform's was not edited there: it is empty, or still what the file said at the last
 * import. A structure that chose "my files are my source of truth" gets every file value.
 */

export type Value = string | number | null;

export interface Decision {
  write: Record<string, Value>;
  /** Fields that differ but were edited in the platform: kept. */
  kept: string[];
}

const blank = (v: Value | undefined) => v === null || v === undefined || v === "";

export function decide(
  file: Readonly<Record<string, Value | undefined>>,
  current: Readonly<Record<string, Value | undefined>>,
  record: Readonly<Record<string, Value | undefined>> | undefined,
  sourceOfTruth: boolean,
): Decision {
  const write: Record<string, Value> = {};
  const kept: string[] = [];
  for (const [field, value] of Object.entries(file)) {
    if (value === undefined) continue;
    const now = current[field];
    if (comparable(now) === comparable(value)) continue;
    const untouched = blank(now) || (record !== undefined && comparable(now) === comparable(record[field]));
    if (sourceOfTruth || untouched) write[field] = value;
    else kept.push(field);
  }
  return { write, kept };
}

/** The fields a file states, without the ones it leaves out. */
export function stated(fields: object): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(fields)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return out;
}
