/**
 * robots.txt as RFC 9309 reads it (pure): the group naming our product token wins over "*";
 * within a group the longest matching rule decides, Allow winning a tie; "*" and "$" patterns.
 */

export const PRODUCT_TOKEN = "chatons";

export interface RobotsRule {
  allow: boolean;
  path: string;
}
export interface RobotsRules {
  rules: RobotsRule[];
}

const MAX_BYTES = 500 * 1024;

export function parseRobots(text: string, token = PRODUCT_TOKEN): RobotsRules {
  const groups: { agents: string[]; rules: RobotsRule[] }[] = [];
  let current: { agents: string[]; rules: RobotsRule[] } | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.slice(0, MAX_BYTES).split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else if (field === "allow" || field === "disallow") {
      lastWasAgent = false;
      // An empty Disallow allows everything: it adds no rule.
      if (current && value !== "") current.rules.push({ allow: field === "allow", path: value });
    } else {
      lastWasAgent = false;
    }
  }
  const t = token.toLowerCase();
  const mine = groups.filter((g) => g.agents.includes(t));
  const chosen = mine.length > 0 ? mine : groups.filter((g) => g.agents.includes("*"));
  return { rules: chosen.flatMap((g) => g.rules) };
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const parts = (anchored ? pattern.slice(0, -1) : pattern).split("*");
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    if (i === 0) {
      if (!path.startsWith(part)) return false;
      pos = part.length;
      continue;
    }
    const found = path.indexOf(part, pos);
    if (found < 0) return false;
    pos = found + part.length;
  }
  if (!anchored) return true;
  const last = parts[parts.length - 1] ?? "";
  return parts.length === 1 ? path === last : path.endsWith(last) && pos <= path.length;
}

/** May we fetch this path (with its query string)? */
export function isAllowed(rules: RobotsRules, pathWithQuery: string): boolean {
  let best: RobotsRule | undefined;
  for (const rule of rules.rules) {
    if (!patternMatches(rule.path, pathWithQuery)) continue;
    if (
      !best ||
      rule.path.length > best.path.length ||
      (rule.path.length === best.path.length && rule.allow && !best.allow)
    )
      best = rule;
  }
  return !best || best.allow;
}
