import { z } from "zod";
import { choice, longText, optionalText, text } from "../../http/forms.js";
import { RECURRENCES } from "./chores.tables.js";

export const ChoreSchema = z.object({
  slug: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "form.error.invalid"),
  ),
  title_fr: text(120),
  title_en: text(120),
  title_de: optionalText(120),
  description_fr: longText(1000),
  description_en: longText(1000),
  description_de: longText(1000),
  recurrence: choice(RECURRENCES),
});

/** The note left when closing a turn: optional, and a note too long is dropped rather than refused. */
export const turnNote = (raw: unknown): string | null => {
  const note = optionalText(500).safeParse(raw);
  return note.success ? (note.data ?? null) : null;
};
