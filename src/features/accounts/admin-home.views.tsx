import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import type { Deps } from "../../deps.js";
import { Layout } from "../../views/Layout.js";
import { listOutbox } from "../../mail/mailer.js";
import { applicationsToReview } from "../applications/published.js";
import { choreTurns } from "../chores/published.js";
import { instancesInTrouble } from "../entraide/published.js";
import { lastCrawl, type LastCrawl } from "../stats/published.js";
import { AdminNav } from "./admin.views.js";

/** What waits for the platform's admins, read from what each owner publishes. */
export interface AdminTodo {
  applications: number;
  choresWithNobody: number;
  crawl: LastCrawl | undefined;
  instances: { down: number; pending: number };
  unsentMails: number;
}

export async function adminTodo(deps: Deps): Promise<AdminTodo> {
  const { db, now } = deps;
  const today = now().toISOString().slice(0, 10);
  const inFourWeeks = new Date(now().getTime() + 28 * 86_400_000).toISOString().slice(0, 10);
  const [applications, turns, crawl, instances, outbox] = await Promise.all([
    applicationsToReview(db),
    choreTurns(db, { from: today, to: inFourWeeks }),
    lastCrawl(db),
    instancesInTrouble(db),
    listOutbox(db, { limit: 500 }),
  ]);
  return {
    applications,
    choresWithNobody: turns.filter((turn) => turn.assigneeId === null && turn.status === "open").length,
    crawl,
    instances,
    unsentMails: outbox.filter((m) => m.status !== "sent").length,
  };
}

interface Item {
  count: number;
  text: string;
  link: string;
  /** Something is wrong rather than merely waiting. */
  bad?: boolean;
}

function items(c: AppContext, todo: AdminTodo): Item[] {
  const t = c.get("t");
  const crawl = todo.crawl;
  return [
    {
      count: todo.applications,
      text: t.plural("admin.home.applications", todo.applications),
      link: "/rounds",
    },
    {
      count: todo.choresWithNobody,
      text: t.plural("admin.home.chores", todo.choresWithNobody),
      link: "/chores",
    },
    crawl?.status === "failed"
      ? {
          count: 1,
          text: t("admin.home.crawl.failed", { date: t.dateTime(crawl.startedAt) }),
          link: "/stats/crawls",
          bad: true,
        }
      : {
          count: crawl?.filesFailed ?? 0,
          text: crawl ? t.plural("admin.home.crawl.files", crawl.filesFailed) : t("admin.home.crawl.none"),
          link: crawl ? `/stats/crawls/${crawl.id}` : "/stats/crawls",
          bad: true,
        },
    {
      count: todo.instances.down,
      text: t.plural("admin.home.instances.down", todo.instances.down),
      link: "/admin/entraide",
      bad: true,
    },
    {
      count: todo.instances.pending,
      text: t.plural("admin.home.instances.pending", todo.instances.pending),
      link: "/admin/entraide",
    },
    {
      count: todo.unsentMails,
      text: t.plural("admin.home.mails", todo.unsentMails),
      link: "/admin/outbox",
      bad: true,
    },
  ];
}

/** The admin home: a dashboard of what needs doing, the waiting things first; the tools below. */
export function AdminHome({ c, todo }: { c: AppContext; todo: AdminTodo }) {
  const t = c.get("t");
  const all = items(c, todo);
  const waiting = all.filter((i) => i.count > 0);
  const calm = all.filter((i) => i.count === 0);
  return (
    <Layout c={c} title={t("admin.title")}>
      <h1>{t("admin.title")}</h1>
      <p class="lead">{t("admin.home.intro")}</p>
      <section aria-labelledby="admin-todo">
        <h2 id="admin-todo">{t("admin.home.todo")}</h2>
        {waiting.length === 0 ? <p>{t("admin.home.nothing")}</p> : null}
        <ul class="todo-list">
          {waiting.map((i) => (
            <li class={i.bad ? "todo todo--bad" : "todo"}>
              <a href={href(c, i.link)}>
                <span class="todo__text">{i.text}</span>
              </a>
            </li>
          ))}
        </ul>
        {calm.length > 0 ? (
          <ul class="todo-calm">
            {calm.map((i) => (
              <li>{i.text}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="admin-tools">
        <h2 id="admin-tools">{t("admin.home.tools")}</h2>
        <AdminNav c={c} />
      </section>
    </Layout>
  );
}
