/** The shape of the charter the platform ships with (default-charter.ts and its parts). */

export interface DefaultText {
  fr: string;
  en: string;
  /** Not inserted by migration 0401 (its tables hold French and English only): kept for the German charter. */
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
