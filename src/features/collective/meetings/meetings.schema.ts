import { z } from "zod";
import { longText, optionalNumber, optionalText, optionalUrl, text } from "../../../http/forms.js";
import { langField } from "../written.js";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

const day = z.preprocess(
  trimmed,
  z
    .string({ error: "form.error.required" })
    .min(1, "form.error.required")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "form.error.date")
    .refine((v) => !Number.isNaN(Date.parse(v)), "form.error.date"),
);

const time = z.preprocess(
  trimmed,
  z
    .string({ error: "form.error.required" })
    .min(1, "form.error.required")
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "meetings.error.time"),
);

/** A meeting as coordinators plan it: when (UTC), how long, where to call, who runs it. */
export const MeetingSchema = z.object({
  title: text(120),
  date: day,
  time,
  duration: optionalNumber(15, 480),
  call_service: optionalText(60),
  call_url: optionalUrl(),
  facilitator: optionalText(60),
  note_taker: optionalText(60),
  lang: langField(),
});
export type MeetingForm = z.output<typeof MeetingSchema>;

export const AgendaSchema = z.object({
  title: text(200),
  details: longText(2000),
  lang: langField(),
});

export const MinutesSchema = z.object({
  minutes: longText(50_000).refine((v) => v.length > 0, "form.error.required"),
  decisions: longText(5000),
  lang: langField(),
});

/**
 * The decisions a text refers to, one per line or separated by spaces: a decision's page address
 * (…/decisions/<id>) or its bare id. Anything else is returned apart, to be reported.
 */
export function decisionRefs(source: string): { ids: string[]; invalid: string[] } {
  const ids: string[] = [];
  const invalid: string[] = [];
  for (const token of source.split(/[\s,]+/).filter(Boolean)) {
    const fromUrl = /\/decisions\/([A-Za-z0-9-]{8,64})\/?$/.exec(token)?.[1];
    const id = fromUrl ?? (/^[A-Za-z0-9-]{8,64}$/.test(token) ? token : undefined);
    if (id) ids.push(id);
    else invalid.push(token);
  }
  return { ids: [...new Set(ids)], invalid };
}
