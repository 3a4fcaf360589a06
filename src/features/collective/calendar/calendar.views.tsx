import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Csrf } from "../../../views/components.js";
import { isCollectivePerson } from "../policy.js";
import type { CalendarEvent } from "./events.js";

function MyFeed(props: { c: AppContext; feed: { createdAt: string } | null; freshKey: string | null }) {
  const { c, feed, freshKey } = props;
  const t = c.get("t");
  const { baseUrl } = c.get("deps").config;
  return (
    <section class="panel" id="mine">
      <h2>{t("calendar.mine.title")}</h2>
      <p>{t("calendar.mine.intro")}</p>
      {freshKey ? (
        <div class="flash flash--success" role="status">
          <p>{t("calendar.mine.fresh")}</p>
          <p>
            <code>{`${baseUrl}${href(c, "/calendar/mine.ics")}?key=${freshKey}`}</code>
          </p>
        </div>
      ) : null}
      {feed ? (
        <p>{t("calendar.mine.active", { date: t.dateTime(feed.createdAt) })}</p>
      ) : (
        <p>{t("calendar.mine.none")}</p>
      )}
      <form method="post" action={href(c, "/calendar/feed")} class="inline-form">
        <Csrf c={c} />
        <button type="submit" class="button button--small">
          {feed ? t("calendar.mine.renew") : t("calendar.mine.create")}
        </button>
      </form>{" "}
      {feed ? (
        <form method="post" action={href(c, "/calendar/feed/revoke")} class="inline-form">
          <Csrf c={c} />
          <button type="submit" class="link-button">
            {t("calendar.mine.revoke")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function CalendarPage(props: {
  c: AppContext;
  upcoming: CalendarEvent[];
  feed: { createdAt: string } | null;
  freshKey: string | null;
}) {
  const { c } = props;
  const t = c.get("t");
  const { baseUrl } = c.get("deps").config;
  return (
    <Layout c={c} title={t("calendar.title")}>
      <h1>{t("calendar.title")}</h1>
      <p class="lead">{t("calendar.intro")}</p>
      <p>
        {t("calendar.subscribe")} <code>{`${baseUrl}${href(c, "/calendar.ics")}`}</code>{" "}
        <a href={href(c, "/calendar.ics")}>{t("calendar.download")}</a>
      </p>
      {isCollectivePerson(c.get("person")) ? (
        <MyFeed c={c} feed={props.feed} freshKey={props.freshKey} />
      ) : null}
      <h2>{t("calendar.upcoming")}</h2>
      {props.upcoming.length ? (
        <ul class="plain-list">
          {props.upcoming.map((e) => (
            <li>
              {e.allDay ? t.date(e.start) : t.dateTime(e.start)} — <a href={href(c, e.path)}>{e.summary}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("calendar.none")}</p>
      )}
    </Layout>
  );
}
