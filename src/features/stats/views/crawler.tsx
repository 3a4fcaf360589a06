import type { AppContext } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { StatsNav } from "./common.js";
import { MAX_FILE_BYTES } from "../crawl/fetch.js";

/** The crawler's etiquette, linked from its User-Agent: who we are, what we fetch, how to say no. */
export function CrawlerPage({ c }: { c: AppContext }) {
  const t = c.get("t");
  const { config, outbound } = c.get("deps");
  const hours = Math.round(config.stats.crawlIntervalMs / 3_600_000);
  const minutes = Math.round(config.stats.uptimeIntervalMs / 60_000);
  return (
    <Layout c={c} title={t("stats.crawler.title")} section="stats">
      <h1>{t("stats.crawler.title")}</h1>
      <StatsNav c={c} current="crawler" />
      <div class="prose">
        <p class="lead">{t("stats.crawler.intro", { collective: config.collective.name })}</p>
        <h2>{t("stats.crawler.who")}</h2>
        <p>{t("stats.crawler.ua")}</p>
        <pre>
          <code>{outbound.userAgent}</code>
        </pre>
        <h2>{t("stats.crawler.what")}</h2>
        <ul>
          <li>{t("stats.crawler.what.files")}</li>
          <li>{t("stats.crawler.what.uptime", { minutes })}</li>
          <li>{t("stats.crawler.what.nodeinfo")}</li>
        </ul>
        <h2>{t("stats.crawler.how")}</h2>
        <ul>
          <li>{t("stats.crawler.how.often", { hours })}</li>
          <li>{t("stats.crawler.how.parallel", { perHost: config.stats.crawlPerHost })}</li>
          <li>
            {t("stats.crawler.how.limits", {
              seconds: Math.round(config.outbound.timeoutMs / 1000),
              size: Math.round(MAX_FILE_BYTES / 1024),
              redirects: config.outbound.maxRedirects,
            })}
          </li>
          <li>{t("stats.crawler.how.conditional")}</li>
          <li>{t("stats.crawler.how.private")}</li>
        </ul>
        <h2>{t("stats.crawler.robots")}</h2>
        <p>{t("stats.crawler.robots.text")}</p>
        <pre>
          <code>{"User-agent: chatons\nDisallow: /"}</code>
        </pre>
        <h2>{t("stats.crawler.privacy")}</h2>
        <p>{t("stats.crawler.privacy.text")}</p>
        <h2>{t("stats.crawler.contact")}</h2>
        <p>
          {t("stats.crawler.contact.text")}{" "}
          <a href={`mailto:${config.collective.contactEmail}`}>{config.collective.contactEmail}</a>
        </p>
      </div>
    </Layout>
  );
}
