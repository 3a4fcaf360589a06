import type { Feature } from "../feature.js";
import { href } from "../../http/context.js";
import { personById } from "../../identity/identity.repository.js";
import { contactPages } from "./contact/contact.routes.js";
import { contactExport } from "./contact/contact.repository.js";
import { meetingPages } from "./meetings/meetings.routes.js";
import { meetingsExport } from "./meetings/meetings.repository.js";
import { calendarPages } from "./calendar/calendar.routes.js";
import { feedOf } from "./calendar/calendar.repository.js";
import { newsPages } from "./news/news.routes.js";
import { listNews, newsExport } from "./news/news.repository.js";
import { importNewsFromAudit } from "./news/news.import.js";
import { NewsList } from "./news/news.views.js";
import { mediationPages } from "./mediation/mediation.routes.js";
import { teamPages } from "./mediation/team.routes.js";
import { mediationExport } from "./mediation/mediation.repository.js";
import { starterPages } from "./starter/starter.routes.js";
import { seedCollectiveDemo } from "./demo.js";

/**
 * The collective's own life: the contact desk answered in turns, the monthly meetings, the calendar
 * feeds, the news, the mediation channel under the code of conduct, and the starter guide.
 */
export const collectiveFeature: Feature = {
  name: "collective",
  pages(router) {
    contactPages(router);
    meetingPages(router);
    calendarPages(router);
    newsPages(router);
    mediationPages(router);
    teamPages(router);
    starterPages(router);
  },
  jobs: (deps) => [
    {
      name: "collective.news",
      intervalMs: 15 * 60_000,
      jitterMs: 60_000,
      runAtStart: true,
      async run() {
        return `${await importNewsFromAudit(deps.db, deps.now())} news items from the audit log`;
      },
    },
  ],
  seedDemo: seedCollectiveDemo,
  async homePanel(c) {
    const items = await listNews(c.get("deps").db, { limit: 3 });
    if (items.length === 0) return null;
    const t = c.get("t");
    return (
      <section class="panel">
        <h2>{t("news.home.title")}</h2>
        <NewsList c={c} items={items} />
        <p>
          <a href={href(c, "/news")}>{t("news.home.all")}</a> ·{" "}
          <a href={href(c, "/meetings")}>{t("meetings.title")}</a>
        </p>
      </section>
    );
  },
  async personExport(deps, personId) {
    const { db } = deps;
    const person = await personById(db, personId);
    return {
      contact: await contactExport(db, personId, person?.email ?? ""),
      meetings: await meetingsExport(db, personId),
      calendarFeed: (await feedOf(db, personId)) ?? null,
      news: await newsExport(db, personId),
      mediation: await mediationExport(db, personId),
    };
  },
};
