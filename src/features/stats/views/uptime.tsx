import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import type { DayBar } from "../uptime.js";
import { UptimeBars } from "./charts.js";
import { Exports, StatsNav, percent } from "./common.js";
import { ofName } from "../../../i18n/index.js";

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
      <p class="stats-legend">
        <span class="stats-legend__item stats-legend__item--ok">{t("stats.uptime.legend.ok")}</span>
        <span class="stats-legend__item stats-legend__item--warn">{t("stats.uptime.legend.warn")}</span>
        <span class="stats-legend__item stats-legend__item--bad">{t("stats.uptime.legend.bad")}</span>
        <span class="stats-legend__item stats-legend__item--none">{t("stats.uptime.legend.none")}</span>
      </p>
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
