import { communicationEntries } from "./catalogue.communication.js";
import { webEntries } from "./catalogue.web.js";
import { workEntries } from "./catalogue.work.js";

/**
 * The proprietary services people leave, and what replaces them here: versioned data shipped with
 * the platform (decision 018). The directory copies it into its `alternatives` table the first
 * time it reads the catalogue after an upgrade (alternatives.repository.ts); admins then edit the
 * table, and an entry they edited is never overwritten by a later version of this file.
 *
 * Raise CATALOGUE_VERSION whenever an entry is added or changed, so that running platforms pick
 * the change up.
 */
export const CATALOGUE_VERSION = 1;

export interface ShippedAlternative {
  /** A stable slug: the value of `alternative=` in the finder's address. */
  id: string;
  name: string;
  vendor: string;
  /** Other names and common misspellings people type (typos beyond these are forgiven anyway). */
  aliases: string[];
  /** The directory's category ids whose services replace it. */
  categories: string[];
  /** Slugs of free software that does the same job, when there are well-known ones. */
  software: string[];
  /** One line saying what it is, in each language of the collective. */
  fr: string;
  en: string;
  de: string;
}

export const SHIPPED_CATALOGUE: readonly ShippedAlternative[] = [
  ...workEntries,
  ...communicationEntries,
  ...webEntries,
];
