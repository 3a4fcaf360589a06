import type { Translator } from "../../../i18n/index.js";
import { hasMessage } from "../../../i18n/index.js";

export { UptimeBars, UptimeLegend, barColour } from "./uptime.js";

/**
 * Charts drawn on the server: no script, no third-party library, readable by screen readers
 * (a visible title, a description, and the numbers in a table under each chart). The plot is an
 * SVG stretched to the width (preserveAspectRatio none, strokes that do not scale); the axis
 * labels are HTML around it, so their size is the stylesheet's at any width, never a scaled-down
 * SVG text. Colours come from stylesheet classes, never from inline styles (the CSP forbids them).
 */

export interface ChartPoint {
  label: string;
  value: number | null;
}

const W = 720;
const H = 200;

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

const METRIC_KEY = /^(?:metrics\.)?([a-z0-9_-]+(?:\.[a-z0-9_-]+)+)$/;

/**
 * The human name of a ChatonsInfos metric from the catalogue ("http.visits.humans" →
 * "Visites humaines"); a title that is not a metric key is returned as it is.
 */
export function metricLabel(t: Translator, name: string): string {
  const match = METRIC_KEY.exec(name);
  if (!match?.[1]) return name;
  const key = `stats.metric.${match[1]}`;
  return hasMessage(t.locale, key) ? t(key) : t("stats.metric.other", { metric: match[1] });
}

let chartCounter = 0;
const nextId = (prefix: string) => `${prefix}-${(chartCounter = (chartCounter + 1) % 1_000_000)}`;

const formatTick = (t: Translator, v: number) =>
  t.number(v, { maximumFractionDigits: 1, notation: v >= 10_000 ? "compact" : "standard" });

export function LineChart(props: {
  t: Translator;
  /** A human title, or a metric key (then named from the catalogue). */
  title: string;
  description: string;
  points: ChartPoint[];
  /** Draw cumulative steps rather than a line (counts over time). */
  area?: boolean;
}) {
  const { t, points } = props;
  const id = nextId("chart");
  const title = metricLabel(t, props.title);
  const description =
    title === props.title ? props.description : props.description.replaceAll(props.title, title);
  if (points.length === 0)
    return (
      <figure class="stats-chart">
        <figcaption class="stats-chart__title">{title}</figcaption>
        <p class="stats-empty">{t("stats.chart.empty")}</p>
      </figure>
    );
  const max = niceMax(Math.max(...points.map((p) => p.value ?? 0)));
  const x = (i: number) => (points.length === 1 ? W / 2 : (i * W) / (points.length - 1));
  const y = (v: number) => H * (1 - v / max);
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(" "));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(" "));
  // The middle label only where a point sits exactly in the middle.
  const middle =
    (points.length - 1) % 2 === 0 && points.length > 2 ? points[(points.length - 1) / 2] : undefined;
  const first = points[0]?.label ?? "";
  const last = points[points.length - 1]?.label ?? "";
  return (
    <figure class="stats-chart">
      <figcaption class="stats-chart__title" id={`${id}-t`}>
        {title}
      </figcaption>
      <div class="stats-chart__plot">
        <div class="stats-chart__y" aria-hidden="true">
          <span>{formatTick(t, max)}</span>
          <span>{formatTick(t, max / 2)}</span>
          <span>{formatTick(t, 0)}</span>
        </div>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          role="img"
          aria-labelledby={`${id}-t ${id}-d`}
          class="stats-chart__svg"
        >
          <desc id={`${id}-d`}>
            {`${description} ${t("stats.chart.axis", { from: first, to: last, max: formatTick(t, max) })}`}
          </desc>
          {[0, H / 2, H].map((gy) => (
            <line
              x1="0"
              x2={W}
              y1={gy}
              y2={gy}
              class="stats-chart__grid"
              vector-effect="non-scaling-stroke"
            />
          ))}
          {segments.map((s) => (
            <polyline
              points={s}
              vector-effect="non-scaling-stroke"
              class={props.area ? "stats-chart__line stats-chart__line--step" : "stats-chart__line"}
            />
          ))}
          {points.length <= 60
            ? points.map((p, i) =>
                p.value === null ? null : (
                  // A zero-length stroke with round caps: a dot that stays round when the plot stretches.
                  <path
                    d={`M${x(i).toFixed(1)} ${y(p.value).toFixed(1)}h0`}
                    class="stats-chart__dot"
                    vector-effect="non-scaling-stroke"
                  />
                ),
              )
            : null}
        </svg>
        <div class="stats-chart__x" aria-hidden="true">
          <span>{first}</span>
          {middle ? <span>{middle.label}</span> : null}
          {points.length > 1 ? <span>{last}</span> : null}
        </div>
      </div>
      <details class="stats-chart__data">
        <summary>{t("stats.chart.data")}</summary>
        <div class="table-wrap">
          <table class="stats-table stats-table--compact">
            <caption class="visually-hidden">{title}</caption>
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
        </div>
      </details>
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
