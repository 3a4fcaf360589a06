import type { Translator } from "../../../i18n/index.js";
import type { DayBar } from "../uptime.js";

/**
 * Charts drawn on the server as SVG: no script, no third-party library, readable by screen
 * readers (title, description, and the numbers in a table next to each chart). Colours come
 * from the stylesheet classes or presentation attributes, never from inline styles.
 */

export interface ChartPoint {
  label: string;
  value: number | null;
}

const W = 720;

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

let chartCounter = 0;
const nextId = (prefix: string) => `${prefix}-${(chartCounter = (chartCounter + 1) % 1_000_000)}`;

export function LineChart(props: {
  t: Translator;
  title: string;
  description: string;
  points: ChartPoint[];
  height?: number;
  /** Draw cumulative steps rather than a line (counts over time). */
  area?: boolean;
}) {
  const { t, points } = props;
  const h = props.height ?? 220;
  const pad = { left: 56, right: 12, top: 12, bottom: 28 };
  const id = nextId("chart");
  if (points.length === 0) return <p class="stats-empty">{t("stats.chart.empty")}</p>;
  const max = niceMax(Math.max(...points.map((p) => p.value ?? 0)));
  const x = (i: number) =>
    pad.left + (points.length === 1 ? 0 : (i * (W - pad.left - pad.right)) / (points.length - 1));
  const y = (v: number) => pad.top + (h - pad.top - pad.bottom) * (1 - v / max);
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(" "));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(" "));
  const ticks = [0, max / 2, max];
  const labels = [0, Math.floor((points.length - 1) / 2), points.length - 1].filter(
    (v, i, a) => a.indexOf(v) === i,
  );
  return (
    <figure class="stats-chart">
      <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby={`${id}-t ${id}-d`} class="stats-chart__svg">
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{props.description}</desc>
        {ticks.map((v) => (
          <g>
            <line x1={pad.left} x2={W - pad.right} y1={y(v)} y2={y(v)} class="stats-chart__grid" />
            <text x={pad.left - 6} y={y(v) + 4} text-anchor="end" class="stats-chart__tick">
              {t.number(v, { maximumFractionDigits: 1, notation: v >= 10_000 ? "compact" : "standard" })}
            </text>
          </g>
        ))}
        {labels.map((i) => (
          <text
            x={x(i)}
            y={h - 8}
            text-anchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"}
            class="stats-chart__tick"
          >
            {points[i]?.label ?? ""}
          </text>
        ))}
        {segments.map((s) => (
          <polyline
            points={s}
            class={props.area ? "stats-chart__line stats-chart__line--step" : "stats-chart__line"}
          />
        ))}
        {points.length <= 60
          ? points.map((p, i) =>
              p.value === null ? null : <circle cx={x(i)} cy={y(p.value)} r="3" class="stats-chart__dot" />,
            )
          : null}
      </svg>
      <figcaption>
        <details>
          <summary>{t("stats.chart.data")}</summary>
          <table class="stats-table stats-table--compact">
            <thead>
              <tr>
                <th scope="col">{t("stats.chart.period")}</th>
                <th scope="col">{t("stats.chart.value")}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr>
                  <td>{p.label}</td>
                  <td class="num">{p.value === null ? "—" : t.number(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}

/** Horizontal bars for a ranking (services per software, per category…). */
export function BarList(props: {
  t: Translator;
  title: string;
  items: { label: string; value: number; href?: string }[];
}) {
  const { t, items } = props;
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <table class="stats-table stats-bars">
      <caption>{props.title}</caption>
      <tbody>
        {items.map((item) => (
          <tr>
            <th scope="row">{item.href ? <a href={item.href}>{item.label}</a> : item.label}</th>
            <td class="num">{t.number(item.value)}</td>
            <td class="stats-bars__cell" aria-hidden="true">
              <svg viewBox="0 0 200 12" class="stats-bars__svg" preserveAspectRatio="none">
                <rect
                  x="0"
                  y="1"
                  height="10"
                  width={Math.max(1, (item.value / max) * 200).toFixed(1)}
                  class="stats-bars__bar"
                />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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

/**
 * 90 small bars, one per day: green when up all day, amber or red below, grey without data.
 * Detailed bars carry a tooltip per day; compact ones (long lists) merge equal days into one shape.
 */
export function UptimeBars(props: { t: Translator; bars: DayBar[]; label: string; compact?: boolean }) {
  const { t, bars } = props;
  const step = 8;
  const width = bars.length * step;
  if (props.compact)
    return (
      <svg viewBox={`0 0 ${width} 24`} class="uptime-bars" role="img" aria-label={props.label}>
        {runs(bars).map((r) => (
          <rect x={r.start * step} y="0" width={r.length * step - 2} height="24" fill={r.colour} />
        ))}
      </svg>
    );
  return (
    <svg viewBox={`0 0 ${width} 24`} class="uptime-bars" role="img" aria-label={props.label}>
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
  );
}
