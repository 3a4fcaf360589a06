import type { AppContext } from "../../http/context.js";
import { Written } from "../../views/written.js";
import { href } from "../../http/context.js";
import type { PanelMember } from "../feature.js";
import * as repo from "./entraide.repository.js";
import { describeInstances, history } from "./instances.js";
import { EMPTY_SUMMARY } from "./aggregates.js";
import { StateBadges, percent } from "./instance.views.js";
import { canSeeInstances } from "./entraide.policy.js";

/** The structure's dashboard: its instances' health and the visitors sent to them. */
export async function dashboardPanel(c: AppContext, member: PanelMember) {
  const person = c.get("person");
  if (!canSeeInstances(person, member.id)) return null;
  const { db, now } = c.get("deps");
  const t = c.get("t");
  const instances = await describeInstances(db, await repo.memberInstances(db, member.id));
  const summaries = await history(db, instances, now());
  const pending = person?.isPlatformAdmin ? await repo.countPending(db) : 0;
  return (
    <section class="entraide-panel">
      <h2>{t("entraide.panel.title")}</h2>
      {instances.length === 0 ? <p>{t("entraide.panel.none")}</p> : null}
      <ul class="plain-list">
        {instances.map((i) => {
          const s = summaries.get(i.id) ?? EMPTY_SUMMARY;
          return (
            <li>
              <strong>
                <Written locale={t.locale} texts={i.serviceName} />
              </strong>{" "}
              — <StateBadges c={c} instance={i} /> — {t("entraide.col.uptime")} {percent(c, s.uptime)} —{" "}
              {t.plural("entraide.member.visits", s.visits)}
            </li>
          );
        })}
      </ul>
      <p>
        <a href={href(c, `/entraide/members/${member.slug}`)}>{t("entraide.panel.manage")}</a>
      </p>
      {pending > 0 ? (
        <p>
          {t.plural("entraide.panel.pending", pending)}{" "}
          <a href={href(c, "/admin/entraide")}>{t("entraide.panel.review")}</a>
        </p>
      ) : null}
    </section>
  );
}

/** The public member page: what the structure lends to the portal and how much it helped. */
export async function memberPagePanel(c: AppContext, member: PanelMember) {
  const { db, now } = c.get("deps");
  const t = c.get("t");
  const approved = (await repo.memberInstances(db, member.id)).filter((i) => i.approval === "approved");
  if (approved.length === 0) return null;
  const instances = await describeInstances(db, approved);
  const summaries = await history(db, instances, now());
  return (
    <section class="entraide-panel">
      <h2>{t("entraide.member.title")}</h2>
      <p>{t("entraide.member.intro", { member: member.name })}</p>
      <ul class="plain-list">
        {instances.map((i) => (
          <li>
            <a href={href(c, `/entraide/${i.serviceId}?instance=${i.id}`)} rel="nofollow">
              <Written locale={t.locale} texts={i.serviceName} />
            </a>{" "}
            — {t.plural("entraide.member.visits", summaries.get(i.id)?.visits ?? 0)}
          </li>
        ))}
      </ul>
    </section>
  );
}
