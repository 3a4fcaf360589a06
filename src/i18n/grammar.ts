import type { Locale } from "./locales.js";

/**
 * Names of members and structures are written by people ("Le Moulin Numérique", "Association
 * Tilleul", "L'Ours"), and French glues "de" and "à" to them by rules a plain {name} cannot
 * follow: "du Moulin Numérique", "d'Association Tilleul", "au Moulin Numérique". These helpers give
 * the whole phrase, preposition included, for a message to use as one variable: by convention
 * `{name_of}` next to `{name}` (a French message writes "Candidature {name_of}" where English
 * writes "Application from {name}"; the call passes both).
 */

const VOWEL = /^[aàâäeéèêëiîïoôöuùûüyœæ]/i;

/**
 * Words whose h is "aspiré": no elision before them ("de Hibou Libre", not "d'Hibou Libre").
 * The usual ones a name may start with; any other h followed by a vowel is taken as mute.
 */
const ASPIRATED_H = new Set([
  "hache",
  "haie",
  "halle",
  "hall",
  "hameau",
  "hamac",
  "hangar",
  "hardi",
  "harpe",
  "hasard",
  "haut",
  "haute",
  "hautes",
  "hauts",
  "hérisson",
  "héron",
  "héros",
  "hêtre",
  "hibou",
  "hiboux",
  "homard",
  "honte",
  "hors",
  "houblon",
  "hublot",
  "huit",
  "hutte",
]);

/** Does French elide "de" before this word (vowel, or h that is not aspiré)? */
function elides(name: string): boolean {
  if (VOWEL.test(name)) return true;
  const h = /^h([^\s'’-]*)/i.exec(name);
  if (!h || !VOWEL.test(h[1] ?? "")) return false;
  return !ASPIRATED_H.has(h[0].toLowerCase());
}

/** A leading French article, the rest of the name after it. */
function article(name: string): { article: "le" | "les" | "la" | "l'"; rest: string } | null {
  const m = /^(les|le|la)\s+(\S.*)$/i.exec(name) ?? /^(l['’])(\S.*)$/i.exec(name);
  if (!m) return null;
  const word = (m[1] ?? "").toLowerCase().replace("’", "'");
  if (word !== "le" && word !== "les" && word !== "la" && word !== "l'") return null;
  return { article: word, rest: m[2] ?? "" };
}

/**
 * "of" + name in the locale: fr "du Moulin Numérique", "des Chatons", "de La Chatière", "de L'Ours",
 * "d'Association Tilleul", "de Framasoft"; de "vom Hof", "von Framasoft"; en "of Framasoft".
 */
export function ofName(locale: Locale, name: string): string {
  const trimmed = name.trim();
  if (locale === "fr") {
    const a = article(trimmed);
    if (a?.article === "le") return `du ${a.rest}`;
    if (a?.article === "les") return `des ${a.rest}`;
    // "de La …" and "de L'…" keep the name as written.
    if (!a && elides(trimmed)) return `d'${trimmed}`;
    return `de ${trimmed}`;
  }
  if (locale === "de") {
    // "von Der Hof" / "von Das Netz" read as "vom Hof", "vom Netz"; "Die …" may be singular or
    // plural, so it is left as written rather than guessed.
    const m = /^(der|das)\s+(\S.*)$/i.exec(trimmed);
    return m ? `vom ${m[2] ?? ""}` : `von ${trimmed}`;
  }
  return `of ${trimmed}`;
}

/** "to" + name in the locale: fr "au Moulin", "aux Chatons", "à La Chatière", "à L'Ours". */
export function toName(locale: Locale, name: string): string {
  const trimmed = name.trim();
  if (locale === "fr") {
    const a = article(trimmed);
    if (a?.article === "le") return `au ${a.rest}`;
    if (a?.article === "les") return `aux ${a.rest}`;
    return `à ${trimmed}`;
  }
  if (locale === "de") {
    const m = /^(der|das)\s+(\S.*)$/i.exec(trimmed);
    return m ? `zum ${m[2] ?? ""}` : `zu ${trimmed}`;
  }
  return `to ${trimmed}`;
}
