import type { DB } from "../../../db/adapter.js";
import { likePattern, searchable } from "../../../db/adapter.js";
import { directoryDb } from "../directory.tables.js";
import type { FinderQuery } from "./finder.js";
import { loadSnapshot, type DirectorySnapshot } from "./snapshot.js";
import type { Alternative } from "../alternatives/alternatives.repository.js";
import type { Recognised } from "../alternatives/match.js";
import { gazetteer } from "../places/gazetteer.js";
import { resolvePlace, type Resolution } from "../places/resolve.js";

/**
 * What a finder search means once the catalogue and the gazetteer have read it: "google docs"
 * becomes the filter alternative=google-docs (the other words stay a text search), and "near"
 * becomes a place, or suggestions when no place has that name.
 */
export interface Understood {
  /** The query the filters apply: the visitor's, with a recognised service as its alternative. */
  query: FinderQuery;
  /** Words still searched in the services' text (the whole search when nothing was recognised). */
  text: string;
  /** The proprietary service the search names, when it names one. */
  recognised: Recognised | null;
  /** The one proprietary service the results replace (from the search or the filter). */
  alternative: Alternative | null;
  near: Resolution | null;
}

const places = new Map<string, Resolution>();

/** Places asked for, remembered (the same few towns come back all day). */
export function resolveNear(text: string): Resolution {
  const key = text.toLowerCase();
  const known = places.get(key);
  if (known) return known;
  const found = resolvePlace(gazetteer(), text);
  if (places.size >= 2_000) places.clear();
  places.set(key, found);
  return found;
}

export function understand(snapshot: DirectorySnapshot, query: FinderQuery): Understood {
  const named = query.q ? snapshot.alternatives.recognise(query.q) : null;
  // The finder's form sends back both the search and the alternative it was understood as.
  const recognised =
    named && (query.alternative.length === 0 || query.alternative.includes(named.entry.id)) ? named : null;
  const effective =
    recognised && query.alternative.length === 0 ? { ...query, alternative: [recognised.entry.id] } : query;
  const only = effective.alternative.length === 1 ? effective.alternative[0] : undefined;
  return {
    query: effective,
    text: recognised ? recognised.rest : query.q,
    recognised,
    alternative: only ? (snapshot.alternatives.byId.get(only) ?? null) : null,
    near: query.near ? resolveNear(query.near) : null,
  };
}

/** Words of a search, each to be found (in any order) in search_text. */
export function searchWords(q: string): string[] {
  return q
    .split(/\s+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/**
 * Ids of services whose search text holds every word of `q` (null when there is no search), from
 * the snapshot: the same meaning as `search_text LIKE '%word%'` for each word, since a word has no
 * space and so lies within one space-separated token. Each token of the texts points to the
 * services having it; a word looks through the tokens (a few thousand), not through every service.
 */
export async function searchServiceIds(db: DB, q: string): Promise<Set<string> | null> {
  const words = searchWords(q);
  if (words.length === 0) return null;
  const snapshot = await loadSnapshot(db);
  const index = textIndex(snapshot);
  const key = words.join(" ");
  const known = index.results.get(key);
  if (known) return known;
  const [first, ...rest] = words.map((w) =>
    wordPositions(
      snapshot,
      index,
      searchable(w)
        .replace(/[%_\\]/g, " ")
        .trim(),
    ),
  );
  const found = [...(first ?? [])].filter((p) => rest.every((positions) => positions.has(p)));
  const ids = new Set(found.map((p) => snapshot.services[p]?.id ?? ""));
  // Bounded: the same set object for the same search, which the finder's index also remembers.
  if (index.results.size >= 500) index.results.clear();
  index.results.set(key, ids);
  return ids;
}

interface TextIndex {
  tokens: Map<string, number[]>;
  results: Map<string, Set<string>>;
}

const textIndexes = new WeakMap<DirectorySnapshot, TextIndex>();

function textIndex(snapshot: DirectorySnapshot): TextIndex {
  const known = textIndexes.get(snapshot);
  if (known) return known;
  const tokens = new Map<string, number[]>();
  (snapshot.serviceTexts ?? []).forEach((text, p) => {
    for (const token of new Set(text.split(/\s+/))) {
      if (!token) continue;
      const list = tokens.get(token);
      if (list) list.push(p);
      else tokens.set(token, [p]);
    }
  });
  const index = { tokens, results: new Map<string, Set<string>>() };
  textIndexes.set(snapshot, index);
  return index;
}

function wordPositions(snapshot: DirectorySnapshot, index: TextIndex, word: string): Set<number> {
  const out = new Set<number>();
  if (word.includes(" ")) {
    // Wildcards replaced by spaces may span tokens: look through the texts themselves.
    (snapshot.serviceTexts ?? []).forEach((text, p) => {
      if (text.includes(word)) out.add(p);
    });
    return out;
  }
  for (const [token, positions] of index.tokens)
    if (token.includes(word)) for (const p of positions) out.add(p);
  return out;
}

export async function searchMemberIds(db: DB, q: string): Promise<Set<string> | null> {
  const words = searchWords(q);
  if (words.length === 0) return null;
  let query = directoryDb(db).selectFrom("members").select("id");
  for (const w of words) query = query.where("search_text", "like", likePattern(w));
  return new Set((await query.execute()).map((r) => r.id));
}
