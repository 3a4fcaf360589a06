import { z } from "zod";
import { checkbox, choice, choices, optionalNumber, optionalText, text } from "../../http/forms.js";
import { ICONS, SOFTWARE_SLUGS } from "./software.js";

/** Forms of the entraide feature (pure: no database). */

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A whole number in [min, max] from a form field; `fallback` when left empty. */
const wholeNumber = (min: number, max: number, error: `entraide.error.${string}`) =>
  z.preprocess(
    (v) => {
      const value = blankToUndefined(v);
      return typeof value === "string" ? Number(value.trim()) : value;
    },
    z.number({ error }).int(error).min(min, error).max(max, error),
  );

const required = (error: `entraide.error.${string}`) =>
  z.string({ error }).trim().min(1, error).max(64, error);

const instanceFields = {
  /** One of the structure's directory services: the instance's address and software are its. */
  directory_service_id: required("entraide.error.directory_service"),
  weight: z.preprocess((v) => blankToUndefined(v) ?? "5", wholeNumber(1, 10, "entraide.error.weight")),
  max_share: z.preprocess(blankToUndefined, wholeNumber(1, 100, "entraide.error.max_share").optional()),
};

export const NewInstanceSchema = z.object({
  service_id: required("entraide.error.service"),
  ...instanceFields,
});

export const EditInstanceSchema = z.object({ ...instanceFields, paused: checkbox() });

/** Words the portal's own pages use after /entraide/, so no service may take them. */
export const RESERVED_SERVICE_IDS = ["members", "admin", "api", "assets", "new"];

const serviceFields = {
  name_fr: text(80),
  name_en: text(80),
  // German is optional: pages show the English until someone writes it.
  name_de: optionalText(80),
  description_fr: text(200),
  description_en: text(200),
  description_de: optionalText(200),
  icon: choice(ICONS),
  category_id: text(60),
  software: choices(SOFTWARE_SLUGS).refine((list) => list.length > 0, "entraide.error.software_required"),
  position: optionalNumber(0, 100_000),
  enabled: checkbox(),
};

export const ServiceSchema = z.object(serviceFields);

export const NewServiceSchema = z.object({
  id: z
    .string({ error: "entraide.error.service_id" })
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "entraide.error.service_id")
    .refine((v) => !RESERVED_SERVICE_IDS.includes(v), "entraide.error.service_id"),
  ...serviceFields,
});
