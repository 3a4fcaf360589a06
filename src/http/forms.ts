import { z } from "zod";
import type { AppContext } from "./context.js";
import type { MessageKey, Vars } from "../i18n/index.js";
import { readBody } from "./errors.js";

/**
 * Form handling shared by every feature: parse the posted body with a zod schema, and on failure
 * hand back the submitted values and one translated error per field, so the page can be shown
 * again with nothing lost (status 422).
 */

export interface FieldError {
  key: MessageKey;
  vars?: Vars;
}
export type FieldErrors = Record<string, FieldError>;
export type FormValues = Record<string, string>;

export type FormResult<T> =
  { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** Reads a urlencoded or multipart body into strings (repeated fields become arrays). */
export async function readForm(c: AppContext): Promise<Record<string, string | string[]>> {
  const body = await readBody(() => c.req.parseBody({ all: true }));
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf") continue;
    if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === "string");
    else if (typeof value === "string") out[key] = value;
  }
  return out;
}

function flatValues(raw: Record<string, string | string[]>): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(raw)) out[key] = Array.isArray(value) ? value.join("\n") : value;
  return out;
}

const isMessageKey = (value: string): value is MessageKey =>
  value.startsWith("form.") || value.includes(".error.");

function issueToError(issue: z.core.$ZodIssue): FieldError {
  if (isMessageKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case "too_big":
      return { key: "form.error.too_long", vars: { max: Number(issue.maximum) } };
    case "too_small":
      return Number(issue.minimum) <= 1
        ? { key: "form.error.required" }
        : { key: "form.error.too_short", vars: { min: Number(issue.minimum) } };
    case "invalid_format":
      if (issue.format === "email") return { key: "form.error.email" };
      if (issue.format === "url") return { key: "form.error.url" };
      if (issue.format === "date") return { key: "form.error.date" };
      return { key: "form.error.invalid" };
    case "invalid_value":
      return { key: "form.error.choice" };
    case "invalid_type":
      return issue.input === undefined ? { key: "form.error.required" } : { key: "form.error.invalid" };
    default:
      return { key: "form.error.invalid" };
  }
}

export function validate<S extends z.ZodType>(
  schema: S,
  raw: Record<string, string | string[]>,
): FormResult<z.output<S>> {
  const values = flatValues(raw);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (!errors[field]) errors[field] = issueToError(issue);
  }
  return { ok: false, errors, values };
}

export async function parseForm<S extends z.ZodType>(
  c: AppContext,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  return validate(schema, await readForm(c));
}

// ---- Field builders: trim, turn "" into undefined, and give the limits every form needs. ----

/** Control characters other than tab and line breaks: never legitimate in a form field. */
const CONTROL_CHARS = /[^\P{Cc}\t\n\r]/u;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/** Required single-line text. Control characters are refused; HTML is kept as text and escaped on output. */
export const text = (max: number, min = 1) =>
  z.preprocess(
    trimmed,
    z
      .string({ error: "form.error.required" })
      .min(min)
      .max(max)
      .refine((v) => !CONTROL_CHARS.test(v), "form.error.invalid"),
  );
export const optionalText = (max: number) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .max(max)
      .refine((v) => !CONTROL_CHARS.test(v), "form.error.invalid")
      .optional(),
  );
/** Multi-line text: newlines allowed. */
export const longText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : v),
    z.string().max(max).default(""),
  );

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (
        (u.protocol === "https:" || u.protocol === "http:") &&
        u.hostname.includes(".") !== false &&
        !u.username
      );
    } catch {
      return false;
    }
  }, "form.error.url");

export const url = () => z.preprocess(trimmed, httpUrl);
export const optionalUrl = () => z.preprocess(emptyToUndefined, httpUrl.optional());
export const email = () =>
  z.preprocess(
    trimmed,
    z
      .email("form.error.email")
      .max(254)
      .transform((v) => v.toLowerCase()),
  );
export const optionalEmail = () =>
  z.preprocess(emptyToUndefined, z.email("form.error.email").max(254).optional());
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "form.error.choice" });
export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(emptyToUndefined, z.enum(values, { error: "form.error.choice" }).optional());
/** A checkbox: present means true. */
export const checkbox = () => z.preprocess((v) => v === "1" || v === "on" || v === "true", z.boolean());
/** Several checkboxes with the same name, each one of `values`. */
export const choices = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { error: "form.error.choice" })),
  );
export const optionalDate = () =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "form.error.date")
      .refine((v) => !Number.isNaN(Date.parse(v)), "form.error.date")
      .optional(),
  );
export const optionalNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => {
      const e = emptyToUndefined(v);
      return typeof e === "string" ? Number(e.replace(",", ".")) : e;
    },
    z
      .number({ error: "form.error.number" })
      .min(min, "form.error.invalid")
      .max(max, "form.error.invalid")
      .optional(),
  );
