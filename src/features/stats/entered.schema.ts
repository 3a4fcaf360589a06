import { z } from "zod";
import { choice, optionalNumber } from "../../http/forms.js";
import { ENTERED_METRICS, periodAt, type EnteredValue } from "./entered.js";

/** The two forms of the metrics page: one month's value, or a whole year's twelve. */

/** Counts and byte sizes; past this a typed number is a slip of the finger. */
export const MAX_ENTERED = 1e15;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

const numberOrUndefined = (v: unknown) => {
  if (typeof v !== "string" || v.trim() === "") return undefined;
  return Number(v.trim().replace(/\s+/g, "").replace(",", "."));
};

const integer = (min: number, max: number, message: string) =>
  z.preprocess(
    numberOrUndefined,
    z.number({ error: "form.error.required" }).int(message).min(min, message).max(max, message),
  );

const value = () =>
  z.preprocess(
    numberOrUndefined,
    z
      .number({ error: "form.error.required" })
      .refine((n) => Number.isFinite(n), "form.error.number")
      .refine((n) => n >= 0, "stats.entered.error.negative")
      .refine((n) => n <= MAX_ENTERED, "form.error.invalid"),
  );

const base = {
  metric: choice(ENTERED_METRICS),
  year: integer(2000, 2100, "stats.entered.error.year"),
};

export const MonthSchema = z.object({
  ...base,
  month: integer(1, 12, "form.error.choice"),
  value: value(),
});

const month = () => optionalNumber(0, MAX_ENTERED);
const monthFields = {
  m1: month(),
  m2: month(),
  m3: month(),
  m4: month(),
  m5: month(),
  m6: month(),
  m7: month(),
  m8: month(),
  m9: month(),
  m10: month(),
  m11: month(),
  m12: month(),
};

export const YearSchema = z
  .object({ ...base, ...monthFields })
  .refine((data) => MONTHS.some((m) => data[`m${m}`] !== undefined), {
    path: ["m1"],
    message: "stats.entered.error.empty",
  });

export function monthValues(data: z.output<typeof MonthSchema>): EnteredValue[] {
  const period = periodAt("month", data.year, data.month - 1);
  return period ? [{ metric: data.metric, kind: "month", period, value: data.value }] : [];
}

/** A year's form: the months left blank are left as they were. */
export function yearValues(data: z.output<typeof YearSchema>): EnteredValue[] {
  return MONTHS.flatMap((m) => {
    const v = data[`m${m}`];
    const period = periodAt("month", data.year, m - 1);
    return v === undefined || !period
      ? []
      : [{ metric: data.metric, kind: "month" as const, period, value: v }];
  });
}
