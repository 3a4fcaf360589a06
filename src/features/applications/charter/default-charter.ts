/**
 * The criteria set the platform ships with, inserted once by migration 0401 (its German by 0403)
 * and edited afterwards as data (each edit is a new version). Written in our own words from the
 * public facts gathered in domain/COLLECTIVE.md §1-2; the collective's authoritative text could not
 * be read in full, which is exactly why it lives as editable data. Frozen: the migration that reads it must never change
 * what it inserts, so later wording changes go through the charter editor, not through this file.
 */
import { PART_C, PART_H, PART_A } from "./default-charter-1.js";
import { PART_T, PART_O, PART_N, PART_S } from "./default-charter-2.js";
import type { DefaultPart, DefaultText } from "./default-charter.types.js";

export type { DefaultText } from "./default-charter.types.js";

export const DEFAULT_CHARTER: { summary: DefaultText; parts: DefaultPart[] } = {
  summary: {
    fr: "Première version de la charte sur la plateforme, rédigée à partir des engagements publics du collectif (charte, manifeste, grille de relecture des candidatures). Chaque membre s'engage à la respecter ; ce qui n'est interdit ni par la charte ni par la loi est permis.",
    en: "First version of the charter on the platform, written from the collective's public commitments (charter, manifesto, the checklist reviewers use for applications). Every member commits to respect it; whatever neither the charter nor the law forbids is allowed.",
    de: "Erste Version der Charta auf der Plattform, verfasst auf Grundlage der öffentlichen Verpflichtungen des Kollektivs (Charta, Manifest, Prüfraster für Bewerbungen). Jedes Mitglied verpflichtet sich, sie einzuhalten; was weder die Charta noch das Gesetz verbietet, ist erlaubt.",
  },
  parts: [PART_C, PART_H, PART_A, PART_T, PART_O, PART_N, PART_S],
};
