import { closeTo, typoBudget, words } from "../fuzzy.js";
import type { Alternative } from "./alternatives.repository.js";

/**
 * The catalogue as the finder reads it: entries by id, the entries each category replaces, and
 * every name and alias normalised and glued ("googledocs"), built once per directory snapshot. A
 * search then looks its words up in a map, and only when nothing is equal compares them with the
 * few names that share their first letter and a close length.
 */

export interface Recognised {
  entry: Alternative;
  /** The words of the search that were not the service's name, for the ordinary text search. */
  rest: string;
  /** 0 when typed exactly (case and accents aside), else the number of typos forgiven. */
  distance: number;
}

export interface AlternativesIndex {
  entries: readonly Alternative[];
  byId: ReadonlyMap<string, Alternative>;
  /** Ids of the entries that services of a category replace, in catalogue (name) order. */
  byCategory: ReadonlyMap<string, readonly string[]>;
  recognise(q: string): Recognised | null;
}

/** Words around a name that say "alternative to", in the collective's languages. */
const FILLERS = new Set(
  (
    "alternative alternatives alternativen alternativ a to for pour de du des d au aux la le les " +
    "lieu instead of remplacer remplacement replace replacement quitter leave sans without zu fur " +
    "statt anstelle ersatz von"
  ).split(" "),
);
/**
 * Everyday words one typo away from a service's name ("video" and Vimeo, "photo", "notes"): they
 * mean what they say, so they are never read as a misspelt name (an exact alias still counts).
 */
const NOT_TYPOS = new Set(
  (
    "video videos visio photo photos image images note notes carte cartes map maps mail mails chat " +
    "drive docs doc agenda forum forums blog blogs wiki music musique sondage sondages form forms " +
    "slides sheets lien liens code site sites texte fichier fichiers liste listes groupe groupes " +
    "contact contacts projet projets tache taches audio podcast favoris office word excel"
  ).split(" "),
);
const MAX_SPAN = 4;
const MEMO = 1_000;

interface Key {
  key: string;
  id: string;
}

export function buildAlternativesIndex(entries: readonly Alternative[]): AlternativesIndex {
  const listed = entries.filter((e) => !e.archived);
  const byId = new Map(listed.map((e) => [e.id, e]));
  const byCategory = new Map<string, string[]>();
  for (const e of listed)
    for (const cat of e.categories) byCategory.set(cat, [...(byCategory.get(cat) ?? []), e.id]);
  const exact = new Map<string, string>();
  const byLetter = new Map<string, Key[]>();
  // Names before aliases: an alias never takes a name's place.
  const keys = [
    ...listed.map((e) => ({ text: e.name, id: e.id })),
    ...listed.flatMap((e) => [e.id.replace(/-/g, " "), ...e.aliases].map((text) => ({ text, id: e.id }))),
  ];
  for (const { text, id } of keys) {
    const key = words(text).join("");
    if (!key || exact.has(key)) continue;
    exact.set(key, id);
    const first = key[0] ?? "";
    byLetter.set(first, [...(byLetter.get(first) ?? []), { key, id }]);
  }

  function fuzzy(candidate: string): { id: string; distance: number } | null {
    let best: { id: string; distance: number } | null = null;
    for (const k of byLetter.get(candidate[0] ?? "") ?? []) {
      if (Math.abs(k.key.length - candidate.length) > typoBudget(k.key.length)) continue;
      const d = closeTo(candidate, k.key);
      if (d !== null && (!best || d < best.distance)) best = { id: k.id, distance: d };
    }
    return best;
  }

  function find(q: string): Recognised | null {
    const ws = words(q).slice(0, 8);
    for (let len = Math.min(MAX_SPAN, ws.length); len >= 1; len--) {
      let best: { id: string; distance: number; start: number } | null = null;
      for (let start = 0; start + len <= ws.length; start++) {
        const candidate = ws.slice(start, start + len).join("");
        // "x" or "fb" means X or Facebook only when it is the whole search.
        if (candidate.length < 3 && len !== ws.length) continue;
        const id = exact.get(candidate);
        if (id) {
          best = { id, distance: 0, start };
          break;
        }
        const near = candidate.length >= 4 && !NOT_TYPOS.has(candidate) ? fuzzy(candidate) : null;
        if (near && (!best || near.distance < best.distance)) best = { ...near, start };
      }
      const entry = best && byId.get(best.id);
      if (best && entry) {
        const rest = [...ws.slice(0, best.start), ...ws.slice(best.start + len)].filter(
          (w) => !FILLERS.has(w),
        );
        return { entry, rest: rest.join(" "), distance: best.distance };
      }
    }
    return null;
  }

  const memo = new Map<string, Recognised | null>();
  return {
    entries: listed,
    byId,
    byCategory,
    recognise(q) {
      const known = memo.get(q);
      if (known !== undefined) return known;
      const found = find(q);
      if (memo.size >= MEMO) memo.clear();
      memo.set(q, found);
      return found;
    },
  };
}

/** An entry's line of description in a language, French when that language has none. */
export function describe(entry: Alternative, locale: string): string {
  const d = entry.description;
  return (locale === "en" ? d.en : locale === "de" ? d.de : d.fr) || d.fr;
}
