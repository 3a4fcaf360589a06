import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import type { DayBar } from "../uptime.js";
import { Exports, StatsNav, percent } from "./common.js";
import { ofName, type Translator } from "../../../i18n/index.js";

export function barColour(ratio: number | null): string {
  if (ratio === null) return "#c9c4bb";
  if (ratio >= 0.995) return "#2e7d32";
  if (ratio >= 0.95) return "#c98a00";
  return "#c62828";
}

/** Consecutive days of the same colour, merged (for compact bars). */
function runs(bars: DayBar[]): { start: number; length: number; colour: string }[] {
  const out: { start: number; length: number; colour: string }[] = [];
  bars.forEach((b, i) => {
    const colour = barColour(b.ratio);
    const last = out[out.length - 1];
    if (last && last.colour === colour) last.length++;
    else out.push({ start: i, length: 1, colour });
  });
  return out;
}

/** What the colours of a strip mean, once per page or under a lone strip. */
export function UptimeLegend({ t }: { t: Translator }) {
  return (
    <ul class="stats-legend" aria-label={t("stats.uptime.legend.label")}>
      <li class="stats-legend__item stats-legend__item--ok">{t("stats.uptime.legend.ok")}</li>
      <li class="stats-legend__item stats-legend__item--warn">{t("stats.uptime.legend.warn")}</li>
      <li class="stats-legend__item stats-legend__item--bad">{t("stats.uptime.legend.bad")}</li>
      <li class="stats-legend__item stats-legend__item--none">{t("stats.uptime.legend.none")}</li>
    </ul>
  );
}

/** The first and last day of a strip, under it, left and right. */
function UptimeDates({ t, bars }: { t: Translator; bars: DayBar[] }) {
  const first = bars[0]?.day;
  const last = bars[bars.length - 1]?.day;
  if (!first || !last) return null;
  return (
    <p class="uptime-dates">
      <span class="visually-hidden">
        {t("stats.uptime.range", { from: t.date(first), to: t.date(last) })}
      </span>
      <span aria-hidden="true">{t.date(first)}</span>
      <span aria-hidden="true">{t.date(last)}</span>
    </p>
  );
}

/**
 * 90 small bars, one per day: green when up all day, amber or red below, grey without data, with
 * the first and last day under the strip. Detailed strips carry a tooltip per day and their legend
 * (pages that show one or a few); compact ones (long lists, legend once per page) merge equal
 * days into one shape.
 */
export function UptimeBars(props: { t: Translator; bars: DayBar[]; label: string; compact?: boolean }) {
  const { t, bars } = props;
  const step = 8;
  const width = bars.length * step;
  if (props.compact)
    return (
      <div class="uptime">
        <svg
          viewBox={`0 0 ${width} 24`}
          class="uptime-bars"
          role="img"
          aria-label={props.label}
          preserveAspectRatio="none"
        >
          {runs(bars).map((r) => (
            <rect x={r.start * step} y="0" width={r.length * step - 2} height="24" fill={r.colour} />
          ))}
        </svg>
        <UptimeDates t={t} bars={bars} />
      </div>
    );
  return (
    <div class="uptime">
      <svg
        viewBox={`0 0 ${width} 24`}
        class="uptime-bars"
        role="img"
        aria-label={props.label}
        preserveAspectRatio="none"
      >
        {bars.map((b, i) => (
          <rect x={i * step} y="0" width={step - 2} height="24" rx="1" fill={barColour(b.ratio)}>
            <title>
              {b.ratio === null
                ? t("stats.uptime.day.none", { day: t.date(b.day) })
                : t("stats.uptime.day", {
                    day: t.date(b.day),
                    ratio: t.number(b.ratio * 100, { maximumFractionDigits: 1 }),
                    checks: b.checks,
                  })}
            </title>
          </rect>
        ))}
      </svg>
      <UptimeDates t={t} bars={bars} />
      <UptimeLegend t={t} />
    </div>
  );
}

export interface UptimeRow {
  slug: string;
  name: string;
  ratio: number | null;
  bars: DayBar[];
}

export function UptimePage({
  c,
  rows,
  intervalMinutes,
}: {
  c: AppContext;
  rows: UptimeRow[];
  intervalMinutes: number;
}) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("stats.uptime.title")} section="stats" wide>
      <h1>{t("stats.uptime.title")}</h1>
      <StatsNav c={c} current="uptime" />
      <p class="lead">{t("stats.uptime.intro", { minutes: intervalMinutes })}</p>
      <UptimeLegend t={t} />
      <Exports c={c} name="uptime" />
      {rows.length === 0 ? <p>{t("stats.uptime.none")}</p> : null}
      <ul class="uptime-list">
        {rows.map((r) => (
          <li>
            <span class="uptime-list__name">
              <a href={href(c, `/stats/organizations/${r.slug}`)}>{r.name}</a> {percent(t, r.ratio)}
            </span>
            <UptimeBars
              compact
              t={t}
              bars={r.bars}
              label={t("stats.uptime.label", {
                name: r.name,
                name_of: ofName(t.locale, r.name),
                ratio: percent(t, r.ratio),
              })}
            />
          </li>
        ))}
      </ul>
    </Layout>
  );
}
