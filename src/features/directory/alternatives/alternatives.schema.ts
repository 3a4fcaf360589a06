import { z } from "zod";
import { checkbox, optionalText, text } from "../../../http/forms.js";

/** The admin form of a catalogue entry. Lists are typed one per line or separated by commas. */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const items = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === "string" ? [v] : [])
    .flatMap((s: unknown) => (typeof s === "string" ? s.split(/[\n,]/) : []))
    .map((s) => s.trim())
    .filter(Boolean);

const names = () =>
  z.preprocess(
    (v) => [...new Set(items(v))],
    z.array(z.string().max(60)).max(30, "directory.alternatives.error.list"),
  );

const slugs = (min: number, message: string) =>
  z.preprocess(
    (v) => [...new Set(items(v).map((s) => s.toLowerCase()))],
    z
      .array(z.string().regex(SLUG, "directory.alternatives.error.list"))
      .min(min, message)
      .max(20, "directory.alternatives.error.list"),
  );

export const AlternativeSchema = z.object({
  name: text(100),
  vendor: optionalText(100),
  aliases: names(),
  description_fr: text(200),
  description_en: text(200),
  description_de: text(200),
  categories: slugs(1, "directory.alternatives.error.category"),
  software: slugs(0, "directory.alternatives.error.list"),
  archived: checkbox(),
});

export const NewAlternativeSchema = AlternativeSchema.extend({
  id: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string().min(1, "form.error.required").max(60).regex(SLUG, "directory.error.slug_format"),
  ),
});

export type AlternativeForm = z.output<typeof AlternativeSchema>;
