import type { Child } from "hono/jsx";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { hasMessage, type Translator } from "../../../i18n/index.js";
import { Badge } from "../../../views/components.js";
import type { CheckResult, Severity } from "../chatonsinfos/check.js";
import { federationKey } from "../generated.js";

/** Pieces shared by the stats pages. */

export type StatsSection =
  | "overview"
  | "organizations"
  | "services"
  | "software"
  | "categories"
  | "files"
  | "properties"
  | "crawls"
  | "uptime"
  | "crawler";

const SECTIONS: { id: StatsSection; path: string }[] = [
  { id: "overview", path: "/stats" },
  { id: "organizations", path: "/stats/organizations" },
  { id: "services", path: "/stats/services" },
  { id: "software", path: "/stats/software" },
  { id: "categories", path: "/stats/categories" },
  { id: "files", path: "/stats/files" },
  { id: "properties", path: "/stats/properties" },
  { id: "crawls", path: "/stats/crawls" },
  { id: "uptime", path: "/stats/uptime" },
  { id: "crawler", path: "/stats/crawler" },
];

export function StatsNav({ c, current }: { c: AppContext; current: StatsSection }) {
  const t = c.get("t");
  return (
    <>
      <nav class="subnav stats-nav" aria-label={t("stats.nav.label")}>
        <ul>
          {SECTIONS.map((s) => (
            <li>
              <a href={href(c, s.path)} aria-current={s.id === current ? "page" : undefined}>
                {t(`stats.nav.${s.id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

export function Exports({ c, name, query }: { c: AppContext; name: string; query?: string }) {
  const t = c.get("t");
  const q = query ? `?${query}` : "";
  return (
    <p class="stats-exports">
      {t("stats.export.label")} <a href={`/api/stats/${name}.csv${q}`}>CSV</a> ·{" "}
      <a href={`/api/stats/${name}.json${q}`}>JSON</a>
    </p>
  );
}

const OK_RESULTS = new Set(["ok", "generated", "not-modified"]);
export const isOkResult = (result: string) => OK_RESULTS.has(result);

export function resultLabel(t: Translator, result: string): string {
  const key = `stats.result.${result}`;
  return hasMessage(t.locale, key) ? t(key) : result;
}

export function resultFix(t: Translator, result: string): string | null {
  const key = `stats.resultfix.${result}`;
  return hasMessage(t.locale, key) ? t(key) : null;
}

export function ResultBadge({ t, result }: { t: Translator; result: string }) {
  return <Badge tone={isOkResult(result) ? "ok" : "bad"}>{resultLabel(t, result)}</Badge>;
}

const SEVERITY_TONE: Record<Severity, "bad" | "warn" | "neutral" | "ok"> = {
  error: "bad",
  warning: "warn",
  void: "neutral",
  ok: "ok",
};

export function SeverityBadge({ t, severity }: { t: Translator; severity: Severity }) {
  return <Badge tone={SEVERITY_TONE[severity]}>{t(`stats.sev.${severity}`)}</Badge>;
}

/** "organization.memberof.*.status.level" → "organization.memberof.chatons.status.level". */
export function displayKey(c: AppContext, key: string): string {
  return key.replace(/\*/g, federationKey(c.get("deps").config));
}

function suffix(r: CheckResult): string {
  return r.code === "bad-value" || r.code === "parse" ? `${r.code}.${r.detail ?? ""}` : r.code;
}

export { problemText, factTexts } from "../check-text.js";

export function fixText(c: AppContext, r: CheckResult): string | null {
  const t = c.get("t");
  const base = `stats.fix.${suffix(r)}`;
  const key = r.code === "unknown-key" && !r.hint ? `${base}.nohint` : base;
  if (!hasMessage(t.locale, key)) return null;
  return t(key, { key: displayKey(c, r.key), hint: r.hint ? displayKey(c, r.hint) : "" });
}

export function Counts({
  t,
  counts,
}: {
  t: Translator;
  counts: { errors: number; warnings: number; voids?: number; oks?: number };
}) {
  return (
    <span class="stats-counts">
      <Badge tone={counts.errors > 0 ? "bad" : "neutral"}>
        {t.plural("stats.count.errors", counts.errors)}
      </Badge>{" "}
      <Badge tone={counts.warnings > 0 ? "warn" : "neutral"}>
        {t.plural("stats.count.warnings", counts.warnings)}
      </Badge>
    </span>
  );
}

export function percent(t: Translator, ratio: number | null): string {
  return ratio === null ? "—" : `${t.number(ratio * 100, { maximumFractionDigits: 2 })} %`;
}

export function Figure({ value, label, link }: { value: Child; label: string; link?: string }) {
  return (
    <div class="stats-figure">
      <dt>{link ? <a href={link}>{label}</a> : label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The locale's column of a bilingual row. */
