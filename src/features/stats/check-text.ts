import { hasMessage, translator, type Translator } from "../../i18n/index.js";
import type { CheckResult } from "./chatonsinfos/check.js";

/**
 * A check result in words, from the catalogues: what the problem means, then the facts it carries
 * (value read, key as written…). Pages use the reader's locale; the API and the command line use
 * English.
 */

function suffix(r: CheckResult): string {
  return r.code === "bad-value" || r.code === "parse" ? `${r.code}.${r.detail ?? ""}` : r.code;
}

export function problemText(t: Translator, r: CheckResult): string {
  const key = `stats.check.${suffix(r)}`;
  if (hasMessage(t.locale, key)) return t(key);
  const general = `stats.check.${r.code}`;
  return hasMessage(t.locale, general) ? t(general) : r.code;
}

/** The facts of a result, each a short localised phrase, in a fixed order. */
export function factTexts(t: Translator, r: CheckResult): string[] {
  const p = r.params ?? {};
  const out: string[] = [];
  if (p.value !== undefined) out.push(t("stats.param.value", { value: p.value }));
  if (p.raw !== undefined) out.push(t("stats.param.raw", { raw: p.raw }));
  if (p.section !== undefined)
    out.push(t("stats.param.section", { section: p.section, class: p.class ?? "?" }));
  if (p.declared !== undefined) out.push(t("stats.param.declared", { declared: p.declared }));
  if (p.count !== undefined) out.push(t("stats.param.count", { count: p.count }));
  if (p.start !== undefined)
    out.push(
      t("stats.param.start", { start: p.start, startValue: p.startValue ?? "", endValue: p.endValue ?? "" }),
    );
  if (p.line !== undefined) out.push(t("stats.param.line", { line: p.line }));
  if (p.url !== undefined) out.push(t("stats.param.url", { url: p.url }));
  if (p.owner !== undefined) out.push(t("stats.param.owner", { owner: p.owner }));
  if (p.depth !== undefined) out.push(t("stats.param.depth", { depth: p.depth }));
  return out;
}

/** One line: "<key>: <problem> (<facts>)", for the API and `chatons check`. */
export function checkSentence(t: Translator, r: CheckResult): string {
  const facts = factTexts(t, r);
  const head = r.key ? `${r.key}: ${problemText(t, r)}` : problemText(t, r);
  return facts.length > 0 ? `${head} (${facts.join("; ")})` : head;
}

export const englishSentence = (r: CheckResult): string => checkSentence(translator("en"), r);
