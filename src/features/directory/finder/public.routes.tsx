import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { render } from "../../../http/render.js";
import { belongsTo } from "../../../http/policy.js";
import { HttpError } from "../../../http/errors.js";
import { findMemberBySlug, listServicesOfMember } from "../directory.repository.js";
import { findLogoRef } from "../logos/logos.repository.js";
import { canEditMember, canSeeMember } from "../directory.policy.js";
import {
  isEmptyQuery,
  orderDay,
  parseFinderQuery,
  PER_PAGE,
  runFinder,
  runMemberList,
  type QueryInput,
} from "./finder.js";
import { loadSnapshot, snapshotConfirmed, type DirectorySnapshot } from "./snapshot.js";
import { searchMemberIds, searchServiceIds, understand } from "./search.js";
import { FinderPage } from "./finder.views.js";
import { MembersPage } from "../members/members.views.js";
import { MemberPage } from "../members/member-page.views.js";
import { baseMap, placeOnMap } from "./map.js";
import { MapPage } from "./map.views.js";
import { parseGuide, recommend } from "./guide.js";
import { GuidePage } from "./guide.views.js";
import { categoryName } from "../directory.components.js";
import { filterChoices } from "./choices.js";

/** Repeated query parameters as lists (?access=none&access=open). */
export function queryLists(c: AppContext): QueryInput {
  return c.req.queries();
}

/**
 * Public listings may be kept by the shared page cache for anonymous visitors (the header never
 * leaves the server); the directory's own snapshot makes them cheap to build anyway.
 */
export function cacheable(c: AppContext, seconds = 60): void {
  if (!c.get("person") && snapshotConfirmed(c.get("deps").db)) c.header("x-cache-ttl", String(seconds));
}

export function finderQuery(c: AppContext, snapshot: DirectorySnapshot) {
  return parseFinderQuery(queryLists(c), {
    categories: snapshot.categories.map((cat) => cat.id),
    alternatives: [...snapshot.alternatives.byId.keys()],
  });
}

export async function finderData(c: AppContext, perPage = PER_PAGE) {
  const { db, now } = c.get("deps");
  const snapshot = await loadSnapshot(db);
  const query = finderQuery(c, snapshot);
  const search = understand(snapshot, query);
  const textIds = await searchServiceIds(db, search.text);
  const day = orderDay(now());
  const origin = search.near?.ok ? search.near.place : null;
  const result = runFinder(snapshot.services, search.query, textIds, day, perPage, origin);
  return { snapshot, query, search, day, result };
}

export async function memberListData(c: AppContext) {
  const { db, now } = c.get("deps");
  const snapshot = await loadSnapshot(db);
  const query = parseFinderQuery(queryLists(c), { categories: [] });
  const textIds = await searchMemberIds(db, query.q);
  return { snapshot, query, ...runMemberList(snapshot.members, query, textIds, orderDay(now())) };
}

async function panels(c: AppContext, member: { id: string; slug: string; name: string }): Promise<Child[]> {
  const out: Child[] = [];
  for (const feature of c.get("features")) {
    if (!feature.memberPagePanel) continue;
    const panel = await feature.memberPagePanel(c, member);
    if (panel !== null) out.push(panel);
  }
  return out;
}

export function publicPages(router: Hono<AppEnv>): void {
  router.get("/members", async (c) => {
    const data = await memberListData(c);
    cacheable(c);
    return render(c, <MembersPage c={c} query={data.query} page={data.page} snapshot={data.snapshot} />);
  });

  router.get("/members/:slug", async (c) => {
    const { db } = c.get("deps");
    const person = c.get("person");
    const member = await findMemberBySlug(db, c.req.param("slug"));
    // Not seeing a private page and there being no such page look the same.
    if (!member || !canSeeMember(person, member)) throw new HttpError(404, "404");
    const services = await listServicesOfMember(db, member.id);
    if (member.membership === "member" && !member.archived_at) cacheable(c);
    return render(
      c,
      <MemberPage
        c={c}
        member={member}
        logo={await findLogoRef(db, member.id)}
        services={services}
        panels={await panels(c, { id: member.id, slug: member.slug, name: member.name })}
        canEdit={canEditMember(person, member)}
        canDashboard={!!person && (belongsTo(person, member.id) || person.isPlatformAdmin)}
      />,
    );
  });

  router.get("/map", async (c) => {
    const snapshot = await loadSnapshot(c.get("deps").db);
    const query = finderQuery(c, snapshot);
    let members = filterChoices(snapshot, c.get("locale")).membersByName;
    // With the finder's query, the members offering the services it finds.
    if (!isEmptyQuery(query)) {
      const offering = new Set((await finderData(c)).result.all.map((s) => s.member.id));
      members = members.filter((m) => offering.has(m.id));
    }
    const map = baseMap();
    cacheable(c, 300);
    return render(
      c,
      <MapPage
        c={c}
        map={map}
        placed={placeOnMap(members, map.project)}
        members={members}
        query={isEmptyQuery(query) ? null : query}
      />,
    );
  });

  router.get("/guide", async (c) => {
    const { db, now } = c.get("deps");
    const snapshot = await loadSnapshot(db);
    const locale = c.get("locale");
    const answers = parseGuide(
      c.req.query(),
      snapshot.categories.map((cat) => cat.id),
      snapshot.alternatives.byId,
    );
    const names = new Map(snapshot.categories.map((cat) => [cat.id, categoryName(locale, cat)]));
    const serviceLabel = (s: { name: string; categoryId: string }) =>
      `${names.get(s.categoryId) ?? s.categoryId} (${s.name})`;
    const suggestions = recommend(snapshot.services, answers, { day: orderDay(now()), locale, serviceLabel });
    cacheable(c);
    return render(c, <GuidePage c={c} answers={answers} suggestions={suggestions} snapshot={snapshot} />);
  });

  router.get("/services", async (c) => {
    const data = await finderData(c);
    cacheable(c);
    return render(c, <FinderPage c={c} {...data} />);
  });
}
