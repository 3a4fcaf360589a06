/** The shape of the charter the platform ships with (default-charter.ts and its parts). */

export interface DefaultText {
  fr: string;
  en: string;
  /** Inserted by migration 0403, which gave the charter's tables their German columns. */
  de: string;
}

interface DefaultCriterion {
  code: string;
  level: "required" | "recommended";
  title: DefaultText;
  explanation: DefaultText;
  check?: string;
}

export interface DefaultPart {
  letter: string;
  name: DefaultText;
  intro: DefaultText;
  criteria: DefaultCriterion[];
}
