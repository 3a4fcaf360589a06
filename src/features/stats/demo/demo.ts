import type { Hono } from "hono";
import type { Deps } from "../../../deps.js";
import type { DemoWorld } from "../../../demo/world.js";
import { memberBySlug, servicesOf } from "../generated.js";
import { NODEINFO_SOFTWARE } from "../nodeinfo.js";
import { hash01, metricsFileName, metricsText, organizationText, serviceAnswer } from "./files.js";
import { currentTime } from "../../../clock.js";

export { statsSeedDemo } from "./seed.js";

/**
 * The demo sites run in the same process as the platform they simulate, but the demoSites hook
 * gets no Deps; the stats feature's jobs hook, called once at start, hands them over here so the
 * simulated members can publish files written from the demo directory.
 */
let demoDeps: Deps | undefined;
export function rememberDemoDeps(deps: Deps): void {
  demoDeps = deps;
}

/** Some demo instances go down two hours in twelve: the uptime bars need something to show. */
export function isFlaky(memberSlug: string, serviceSlug: string): boolean {
  return hash01(`flaky:${memberSlug}/${serviceSlug}`) < 0.05;
}

function nodeinfoDoc(world: DemoWorld, memberSlug: string, serviceSlug: string, software: string) {
  const h = hash01(`users:${memberSlug}/${serviceSlug}`);
  const total = Math.round(30 + h * 3000);
  const version = software === "peertube" || software === "mobilizon" ? "2.0" : "2.1";
  return {
    version,
    software: { name: software, version: software === "mastodon" ? "4.3.2" : "6.3.0" },
    protocols: ["activitypub"],
    services: { inbound: [], outbound: [] },
    openRegistrations: h > 0.4,
    usage: {
      users: { total, activeMonth: Math.round(total * 0.22), activeHalfyear: Math.round(total * 0.48) },
      localPosts: Math.round(total * 41 * (1 + h)),
    },
    metadata: { nodeName: `${serviceSlug} · ${memberSlug}`, demo: world.sitesBaseUrl },
  };
}

export function statsDemoSites(app: Hono, world: DemoWorld): void {
  const bySlug = new Map(world.members.map((m) => [m.slug, m]));

  app.get("/robots.txt", (c) =>
    c.text(
      "# Demo sites: every robot welcome, except in the back office.\nUser-agent: *\nDisallow: /admin/\n",
    ),
  );

  app.get("/:member/.well-known/chatonsinfos/:file", async (c) => {
    const deps = demoDeps;
    if (!deps) return c.text("starting", 503);
    const m = await memberBySlug(deps.db, c.req.param("member"));
    const file = c.req.param("file");
    if (!m?.chatonsinfos_url) return c.notFound();
    const services = await servicesOf(deps.db, m.id);
    if (file === `${m.slug}.properties`) return c.text(organizationText(deps.config, m, services));
    const index = services.findIndex((s) => file === `${s.slug}.properties`);
    const service = services[index];
    if (service) {
      const answer = serviceAnswer(deps.config, m, service, index);
      if (answer.status === 404) return c.notFound();
      return c.body(answer.body, 200, { "content-type": answer.type });
    }
    const metrics = services.find((s) => file === metricsFileName(s.slug));
    if (metrics) return c.text(metricsText(deps.config, m, metrics, deps.now()));
    return c.notFound();
  });

  app.use("/:member/:service/*", async (c, next) => {
    const hour = currentTime().getUTCHours();
    const { member, service } = c.req.param();
    if (
      !service.startsWith(".") &&
      isFlaky(member, service) &&
      (hour + Math.floor(hash01(service) * 12)) % 12 < 2
    )
      return c.text("503 Service Unavailable (panne simulée)", 503);
    return next();
  });

  app.get("/:member/:service/.well-known/nodeinfo", (c) => {
    const { member, service } = c.req.param();
    const s = bySlug.get(member)?.services.find((x) => x.slug === service);
    if (!s?.softwareSlug || !NODEINFO_SOFTWARE.has(s.softwareSlug)) return c.notFound();
    const version = nodeinfoDoc(world, member, service, s.softwareSlug).version;
    return c.json({
      links: [
        {
          rel: `http://nodeinfo.diaspora.software/ns/schema/${version}`,
          href: `${world.sitesBaseUrl}/${member}/${service}/nodeinfo/${version}`,
        },
      ],
    });
  });

  app.get("/:member/:service/nodeinfo/:version", (c) => {
    const { member, service } = c.req.param();
    const s = bySlug.get(member)?.services.find((x) => x.slug === service);
    if (!s?.softwareSlug || !NODEINFO_SOFTWARE.has(s.softwareSlug)) return c.notFound();
    return c.json(nodeinfoDoc(world, member, service, s.softwareSlug));
  });
}
