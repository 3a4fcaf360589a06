import type { Hono } from "hono";
import type { Deps } from "../../deps.js";
import type { DemoMember, DemoService, DemoWorld } from "../../demo/world.js";
import { newId } from "../../db/ids.js";
import { inTransaction } from "../../db/adapter.js";
import { normalizeUrl } from "../../probe/probe.js";
import { addDaily, type DailyCounts } from "../../probe/probe.repository.js";
import * as repo from "./entraide.repository.js";
import { addVisits } from "./daily.repository.js";
import { audit } from "../../audit/audit.js";
import { windowDays } from "./aggregates.js";
import { isKnownSoftware } from "./software.js";

/**
 * The portal in the demo collective: the demo members' no-account services become portal
 * instances (on the loopback demo sites), with a week of history; four of them fail in the ways
 * real ones do (a parked domain answering 200, a 500, a very slow server, a login wall), so the
 * checks at start visibly take them out of the rotation and mail their structures.
 */

/** Directory category → portal service, as seeded by migration 0301. */
const PORTAL_BY_CATEGORY: Record<string, string> = {
  pad: "pad",
  "video-conferencing": "video-call",
  poll: "date-poll",
  spreadsheet: "spreadsheet",
  "file-sharing": "file-sharing",
  "image-hosting": "image-sharing",
  whiteboard: "post-it",
  "url-shortener": "url-shortener",
  pastebin: "pastebin",
};

interface Candidate {
  member: DemoMember;
  service: DemoService;
  portalServiceId: string;
  software: string;
}

/** Every demo service a portal instance can be made of, in a stable order. */
export function demoCandidates(world: DemoWorld): Candidate[] {
  return world.members.flatMap((member) =>
    member.services.flatMap((service) => {
      const portalServiceId = PORTAL_BY_CATEGORY[service.categoryId];
      const software = service.softwareSlug;
      return portalServiceId && software && isKnownSoftware(software)
        ? [{ member, service, portalServiceId, software }]
        : [];
    }),
  );
}

type Failure = "parked" | "error" | "slow" | "login";
const FAILURES: [number, Failure][] = [
  [1, "parked"],
  [4, "error"],
  [7, "slow"],
  [10, "login"],
];

function failureOf(index: number): Failure | undefined {
  return FAILURES.find(([i]) => i === index)?.[1];
}

export async function seedDemo(deps: Deps, world: DemoWorld): Promise<void> {
  const random = world.random;
  const candidates = demoCandidates(world);
  const at = deps.now().toISOString();
  const days = windowDays(deps.now(), 8).slice(0, 7);
  const instances = candidates.map((cand, index) => {
    const failing = failureOf(index) !== undefined;
    const pending = !failing && index % 17 === 16;
    return {
      id: newId(),
      service_id: cand.portalServiceId,
      member_id: cand.member.id,
      directory_service_id: cand.service.id,
      reviewed_url: normalizeUrl(cand.service.url),
      weight: 1 + Math.floor(random() * 10),
      max_share: index % 9 === 5 ? 30 : null,
      paused: index % 23 === 22 ? 1 : 0,
      approval: pending ? ("pending" as const) : ("approved" as const),
      // The failing ones start unknown so that the first check (at start) decides, and mails.
      health: failing || pending ? ("unknown" as const) : ("up" as const),
      failures: 0,
      successes: failing || pending ? 0 : 5,
      created_at: at,
      updated_at: at,
      reviewed_at: pending ? null : at,
    };
  });
  const approved = instances.filter((i) => i.approval === "approved");
  // A week of the portal's checks (every 2 minutes) in the observation store, and of visitors.
  const observed: DailyCounts[] = approved.flatMap((i) =>
    days.map((day) => {
      const ok = 720 - Math.floor(random() * random() * 30);
      const ms = ok * (60 + Math.floor(random() * 300));
      return {
        url: i.reviewed_url,
        day,
        checks: 0,
        reachable: 0,
        totalMs: 0,
        judged: 720,
        usable: ok,
        usableMs: ms,
      };
    }),
  );
  const visits = approved.flatMap((i) =>
    days.map((day) => ({
      instanceId: i.id,
      day,
      visits: i.paused ? 0 : Math.floor(i.weight * (2 + random() * 12)),
    })),
  );
  await inTransaction(deps.db, async (trx) => {
    await repo.insertSeeded(trx, instances);
    await addDaily(trx, observed);
    await addVisits(trx, visits);
    await audit(trx, {
      actor: null,
      action: "entraide.demo.seed",
      subject: { type: "platform", id: null },
      data: { instances: instances.length, failing: FAILURES.length },
    });
  });
}

const PARKED = `<!doctype html><html><head><title>Domain for sale</title></head><body>
<h1>This domain is for sale!</h1><p>Buy this domain today. Parking by sedoparking.com.</p></body></html>`;
const LOGIN = `<!doctype html><html><head><title>Se connecter</title></head><body>
<h1>Portail de connexion</h1><form method="post"><label>Identifiant <input name="user"></label>
<label>Mot de passe <input type="password" name="password"></label><button>Se connecter</button></form></body></html>`;

/** The four failing instances answer before the generic demo service pages. */
export function demoSites(app: Hono, world: DemoWorld): void {
  const candidates = demoCandidates(world);
  for (const [index, failure] of FAILURES) {
    const cand = candidates[index];
    if (!cand) continue;
    const path = `/${cand.member.slug}/${cand.service.slug}/`;
    app.get(path, async (c) => {
      if (failure === "parked") return c.html(PARKED);
      if (failure === "error") return c.text("Internal Server Error", 500);
      if (failure === "login") return c.redirect(`${path}login?next=%2F`, 302);
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      return c.html(`<h1 data-demo-service="${cand.software}">${cand.software}</h1>`);
    });
    if (failure === "login") app.get(`${path}login`, (c) => c.html(LOGIN));
  }
}
