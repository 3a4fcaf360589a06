/**
 * Forgiving comparison of names typed by people ("gogle drive", "whatsap", "Saint Etienne"):
 * normalisation (case, accents, punctuation) and a bounded Damerau-Levenshtein distance (optimal
 * string alignment: insertion, deletion, substitution, swap of two neighbours). Pure functions,
 * used by the alternatives catalogue and the gazetteer.
 */

/** Lower case, no accents, letters and digits only, words separated by one space. */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function words(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(" ") : [];
}

/** The words glued together: "Google Docs", "google-docs" and "googledocs" compare equal. */
export const compact = (text: string): string => words(text).join("");

/**
 * The distance between a and b, or max + 1 as soon as it is known to exceed max (so comparing a
 * query to many names costs little: most are dismissed by their length or after a few rows).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  // Three rows of the table (two back, one back, this one), reused from call to call.
  if (rows[0].length <= n) rows = [new Int32Array(n + 32), new Int32Array(n + 32), new Int32Array(n + 32)];
  let [before, previous, current] = rows;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const result = previous[n] ?? max + 1;
  return result > max ? max + 1 : result;
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * How many typos a name of this length tolerates: none under 4 characters ("x", "bing"), one up
 * to 7 ("zoom", "doodle"), two beyond ("googledrive").
 */
export function typoBudget(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * Whether a typed word (or words glued together) stands for a name: equal, or within the name's
 * typo budget with the same first letter (people rarely mistype the first letter, and requiring it
 * keeps "mail" from meaning "Gmail").
 */
export function closeTo(typed: string, name: string): number | null {
  if (typed === name) return 0;
  const budget = typoBudget(name.length);
  if (budget === 0 || typed[0] !== name[0]) return null;
  const d = boundedDistance(typed, name, budget);
  return d <= budget ? d : null;
}
