import type { Translator } from "./index.js";

/**
 * Round labels are stored as written when the round was made ("Portée n°22": the collective's
 * rounds are "portées", litters). A label that is a numbered round is shown in the reader's
 * language ("Round 22", "Aufnahmerunde 22"); any other label is the collective's own name for it.
 */
const NUMBERED = /^\s*(?:port[ée]e|round|intake|aufnahmerunde)\s*(?:n\s*[°º.o]?\s*)?(\d{1,6})\s*$/iu;

export function roundName(t: Translator, label: string): string {
  const n = NUMBERED.exec(label)?.[1];
  // The number is passed as text: a round is "n°1022", never "n°1 022".
  return n === undefined ? label : t("common.round_name", { n: String(Number(n)) });
}
