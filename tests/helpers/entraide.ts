import type { IncomingMessage, ServerResponse } from "node:http";
import type { DB } from "../../src/db/adapter.js";
import { newId } from "../../src/db/ids.js";
import type { Insertable } from "kysely";
import type {
  Approval,
  EntraideInstancesTable,
  Health,
} from "../../src/features/entraide/entraide.tables.js";
import type { FakeHandler } from "./fake-server.js";

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

/** A whole entraide_instances row (for bulk inserts, as the benches do). */
export function instanceRow(row: InstanceSpec, at = new Date().toISOString()) {
  return {
    id: newId(),
    service_id: row.serviceId ?? "pad",
    member_id: row.memberId,
    url: row.url,
    software: row.software ?? "etherpad",
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
  const values = instanceRow(row);
  await db.insertInto("entraide_instances").values(values).execute();
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
