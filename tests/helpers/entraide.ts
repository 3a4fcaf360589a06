import type { IncomingMessage, ServerResponse } from "node:http";
import type { DB } from "../../src/db/adapter.js";
import { newId } from "../../src/db/ids.js";
import type { Insertable } from "kysely";
import type {
  Approval,
  EntraideInstancesTable,
  Health,
} from "../../src/features/entraide/entraide.tables.js";
import { normalizeUrl } from "../../src/probe/probe.js";
import type { FakeHandler } from "./fake-server.js";
import { makeService } from "./factories.js";
import { wholeDb } from "../../src/db/adapter.js";

/** Rows and fake member servers for the entraide portal's tests. */

export interface InstanceSpec {
  memberId: string;
  url: string;
  serviceId?: string;
  software?: string;
  weight?: number;
  maxShare?: number | null;
  approval?: Approval;
  health?: Health;
  paused?: boolean;
  successes?: number;
}

/** The directory category of each portal service seeded by migration 0301. */
const CATEGORY: Record<string, string> = {
  pad: "pad",
  "video-call": "video-conferencing",
  "date-poll": "poll",
  spreadsheet: "spreadsheet",
  "file-sharing": "file-sharing",
  "image-sharing": "image-hosting",
  "post-it": "whiteboard",
  "url-shortener": "url-shortener",
  pastebin: "pastebin",
};

/** The software row of a slug, created when missing. */
export async function softwareId(db: DB, slug: string): Promise<string> {
  const known = await wholeDb(db)
    .selectFrom("software")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (known) return known.id;
  const id = newId();
  await wholeDb(db)
    .insertInto("software")
    .values({ id, slug, name: slug, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column("slug").doNothing())
    .execute();
  return (
    await wholeDb(db).selectFrom("software").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()
  ).id;
}

/**
 * The member's directory service at this address running this software (an instance's address
 * and software come from there), created when it has none.
 */
export async function directoryServiceFor(
  db: DB,
  spec: { memberId: string; url: string; software?: string; serviceId?: string },
): Promise<string> {
  const software = await softwareId(db, spec.software ?? "etherpad");
  const existing = await wholeDb(db)
    .selectFrom("services")
    .select(["id", "url"])
    .where("member_id", "=", spec.memberId)
    .where("software_id", "=", software)
    .where("archived_at", "is", null)
    .execute();
  const same = existing.find((s) => normalizeUrl(s.url) === normalizeUrl(spec.url));
  if (same) return same.id;
  const row = await makeService(db, spec.memberId, {
    url: spec.url,
    software_id: software,
    category_id: CATEGORY[spec.serviceId ?? "pad"] ?? "pad",
  });
  return row.id;
}

/** A whole entraide_instances row (for bulk inserts, as the benches do) lending that directory service. */
export function instanceRow(
  row: InstanceSpec & { directoryServiceId: string },
  at = new Date().toISOString(),
) {
  return {
    id: newId(),
    service_id: row.serviceId ?? "pad",
    member_id: row.memberId,
    directory_service_id: row.directoryServiceId,
    reviewed_url: normalizeUrl(row.url),
    weight: row.weight ?? 5,
    max_share: row.maxShare ?? null,
    paused: row.paused ? 1 : 0,
    approval: row.approval ?? "approved",
    health: row.health ?? "unknown",
    failures: 0,
    successes: row.successes ?? 0,
    created_at: at,
    updated_at: at,
  } satisfies Insertable<EntraideInstancesTable>;
}

export async function makeInstance(db: DB, row: InstanceSpec) {
  const values = instanceRow({ ...row, directoryServiceId: await directoryServiceFor(db, row) });
  await wholeDb(db).insertInto("entraide_instances").values(values).execute();
  return values.id;
}

export const ETHERPAD_PAGE = `<!doctype html><html><head><title>Etherpad</title></head>
<body><form><input id="go2Name" placeholder="Nom du pad"><button>OK</button></form></body></html>`;

export const PARKED_PAGE = `<!doctype html><html><head><title>pad.example.org</title></head>
<body><h1>pad.example.org</h1><p>This domain is for sale! Etherpad hosting.</p></body></html>`;

/** A checker's request or a visitor's? The platform's checks name themselves in the User-Agent. */
export const isCheck = (req: { headers: IncomingMessage["headers"] }) =>
  (req.headers["user-agent"] ?? "").startsWith("chatons/");

/** Answers `body` with 200 after `delayMs`, or at once. */
export function htmlAfter(body: string, delayMs = 0): FakeHandler {
  return async (_req: IncomingMessage, res: ServerResponse) => {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(body);
  };
}

/** A server whose answer can change during the test (up, then down, then up again). */
export function switchable(initial: { status: number; body: string }) {
  const state = { ...initial };
  const handler: FakeHandler = (_req, res) => {
    res.statusCode = state.status;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(state.body);
  };
  return { state, handler };
}
