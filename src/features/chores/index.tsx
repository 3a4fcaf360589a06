import type { Feature } from "../feature.js";
import { href } from "../../http/context.js";
import { chorePages } from "./chores.routes.js";
import { choreJobs } from "./chores.jobs.js";
import { canSeeChores } from "./chores.policy.js";
import * as repo from "./chores.repository.js";
import * as requests from "./requests.repository.js";
import { seedDemo } from "./demo.js";
import { choreTitle } from "./requests.mail.js";

export const choresFeature: Feature = {
  name: "chores",
  pages: chorePages,
  jobs: choreJobs,
  seedDemo,
  async dashboardPanel(c) {
    const person = c.get("person");
    if (!person || !canSeeChores(person)) return null;
    const t = c.get("t");
    const { db, now } = c.get("deps");
    const today = now().toISOString().slice(0, 10);
    const turns = await repo.listTurns(db, { from: today });
    const mine = turns.filter((turn) => turn.status === "open" && turn.assigneeId === person.id);
    const needed = turns.filter((turn) => turn.status === "open" && turn.assigneeId === null).length;
    const asked = (await requests.pendingFor(db, person.id)).length;
    const title = (turn: repo.TurnView) => choreTitle(c.get("locale"), turn);
    return (
      <section class="panel">
        <h2>{t("chores.panel.title")}</h2>
        {mine.length ? (
          <p>
            {t("chores.panel.mine", {
              list: mine.map((turn) => `${title(turn)} (${t.date(turn.dueDate)})`).join(", "),
            })}
          </p>
        ) : null}
        {asked ? <p>{t("chores.panel.asked", { count: asked })}</p> : null}
        {needed ? <p>{t("chores.panel.needed", { count: needed })}</p> : null}
        <p>
          <a href={href(c, "/chores")}>{t("chores.panel.link")}</a>
        </p>
      </section>
    );
  },
  async personExport(deps, personId) {
    return {
      turns: await repo.listTurns(deps.db, { assignee: personId }),
      requests: await requests.requestsExport(deps.db, personId),
    };
  },
};
