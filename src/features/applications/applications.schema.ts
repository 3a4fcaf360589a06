import { z } from "zod";
import { checkbox, choice, longText, optionalChoice, optionalText, text } from "../../http/forms.js";
import {
  ANSWERS,
  CRITERION_LEVELS,
  MAJORITIES,
  QUORUM_OUTCOMES,
  REVIEW_STATES,
  TIE_OUTCOMES,
} from "./applications.tables.js";
import { CHECK_IDS } from "./checks/precheck.js";

const dateField = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: "form.error.required" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "form.error.date")
      .refine((v) => !Number.isNaN(Date.parse(v)), "form.error.date"),
  );

const percent = () =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? 0 : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "form.error.number" })
      .int("form.error.number")
      .min(0, "form.error.invalid")
      .max(100, "form.error.invalid"),
  );

export const SummarySchema = z.object({
  summary_fr: text(2000),
  summary_en: text(2000),
  summary_de: longText(2000),
});

export const CriterionSchema = z.object({
  part: text(2),
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.string({ error: "form.error.required" }).regex(/^[A-Z][0-9]{1,3}$/, "applications.error.code_format"),
  ),
  level: choice(CRITERION_LEVELS),
  title_fr: text(200),
  title_en: text(200),
  // German is optional: German pages show the English until someone writes it.
  title_de: optionalText(200),
  explanation_fr: longText(2000),
  explanation_en: longText(2000),
  explanation_de: longText(2000),
  check_id: optionalChoice(CHECK_IDS),
});

/** A date: the vote closes at the end of that day (UTC). */
export const ProposeCharterSchema = z.object({ closes_on: dateField() });

export const RoundSchema = z
  .object({
    label: text(80),
    opens_on: dateField(),
    review_on: dateField(),
    vote_on: dateField(),
    closes_on: dateField(),
    quorum_percent: percent(),
    majority: choice(MAJORITIES),
    tie_outcome: choice(TIE_OUTCOMES),
    quorum_outcome: choice(QUORUM_OUTCOMES),
    results_hidden: checkbox(),
  })
  .refine((v) => v.opens_on < v.review_on && v.review_on < v.vote_on && v.vote_on < v.closes_on, {
    path: ["closes_on"],
    message: "applications.error.dates_order",
  });

export const AdvanceSchema = z.object({ from: choice(["upcoming", "open", "review", "vote"]) });

export const StartSchema = z.object({ member: text(64) });

const EVIDENCE_MAX = 10;
/** Evidence links: one per line, each a full http(s) address. */
const evidenceList = () =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
        : [],
    z
      .array(
        z
          .string()
          .max(500, "applications.error.evidence_url")
          .refine((v) => {
            try {
              const u = new URL(v);
              return (u.protocol === "https:" || u.protocol === "http:") && !u.username;
            } catch {
              return false;
            }
          }, "applications.error.evidence_url"),
      )
      .max(EVIDENCE_MAX, "applications.error.evidence_count"),
  );

/** The answers of one part: fields answer_<id>, explanation_<id>, evidence_<id> for its criteria. */
export function partSchema(criterionIds: string[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const id of criterionIds) {
    shape[`answer_${id}`] = optionalChoice(ANSWERS);
    shape[`explanation_${id}`] = longText(4000);
    shape[`evidence_${id}`] = evidenceList();
  }
  return z.object({ ...shape, next: optionalText(10) });
}

export const MessageSchema = z.object({ body: text(4000), criterion: optionalText(64) });

export const ReviewSchema = z.object({
  criterion: text(64),
  state: choice(REVIEW_STATES),
  note: optionalText(500),
});

export const VoteSchema = z.object({
  member: text(64),
  choice: text(100),
  reason: optionalText(1000),
  ballot: optionalText(64),
  version: optionalText(40),
  next: optionalText(300),
});

export const ProposalSchema = z.object({
  title: text(200),
  body: longText(8000),
  options: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
        : [],
    z
      .array(z.string().max(100, "applications.error.option_length"))
      .max(10, "applications.error.options_count")
      .refine((list) => list.length !== 1, "applications.error.options_count")
      .refine((list) => new Set(list).size === list.length, "applications.error.options_duplicate")
      .refine((list) => !list.includes("abstain"), "applications.error.options_reserved"),
  ),
  closes_on: dateField(),
  quorum_percent: percent(),
  majority: choice(MAJORITIES),
  results_hidden: checkbox(),
});

export const ReassessRequestSchema = z.object({ member: optionalText(64) });
