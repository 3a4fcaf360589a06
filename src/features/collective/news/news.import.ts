import type { DB } from "../../../db/adapter.js";
import { inTransaction } from "../../../db/adapter.js";
import { readAudit, type AuditRecord } from "../../../audit/audit.js";
import { nowIso } from "../../../db/ids.js";
import { collectiveSchedule, structureById } from "../ports.js";
import * as repo from "./news.repository.js";

const PAGE = 100;
const MINUTE = 60_000;
/** Entries written by another instance may land slightly behind the newest one seen: read back this far. */
const OVERLAP_MS = 10 * MINUTE;
/** On a first run, how far back admissions and decisions still make news. */
const FIRST_RUN_MS = 30 * 24 * 60 * MINUTE;

/** The audit entries of one kind written since `since` (ISO), oldest first. */
async function entriesSince(db: DB, action: string, since: string): Promise<AuditRecord[]> {
  const found: AuditRecord[] = [];
  let before: string | undefined;
  for (let page = 0; page < 50; page++) {
    const rows = await readAudit(db, { actionPrefix: action, limit: PAGE, ...(before ? { before } : {}) });
    for (const row of rows) {
      if (row.at < since) return found.reverse();
      if (row.action === action) found.push(row);
    }
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) break;
    before = last.id;
  }
  return found.reverse();
}

async function admission(db: DB, entry: AuditRecord) {
  // A person joining a structure by invitation is audited as member.join too; admissions carry the round.
  const round = entry.data.round;
  if (typeof round !== "string" || !entry.subjectId) return null;
  const member = await structureById(db, entry.subjectId);
  if (!member) return null;
  return {
    kind: "member" as const,
    data: { memberId: member.id, slug: member.slug, name: member.name, round },
  };
}

async function decision(db: DB, entry: AuditRecord) {
  if (!entry.subjectId) return null;
  const { decisions } = await collectiveSchedule(db, { decisionIds: [entry.subjectId] });
  const d = decisions[0];
  if (!d) return null;
  // Params, not words: the page words them in the reader's language (see present.ts).
  return {
    kind: "decision" as const,
    data: { decisionId: d.id, decisionKind: d.kind, title: d.title, outcome: d.outcome ?? "" },
  };
}

const SOURCES = [
  { action: "member.join", make: admission },
  { action: "decision.close", make: decision },
] as const;

/**
 * Turns new admissions and published decisions into news. Reads the audit log (durable, shared by
 * every instance) from where the last run stopped, with an overlap; each entry makes at most one
 * item (unique source key), so running twice, or on two instances at once, adds nothing.
 */
export async function importNewsFromAudit(db: DB, now: Date): Promise<number> {
  let created = 0;
  for (const source of SOURCES) {
    const cursor = await repo.cursorOf(db, source.action);
    const since = cursor
      ? new Date(Date.parse(cursor) - OVERLAP_MS).toISOString()
      : new Date(now.getTime() - FIRST_RUN_MS).toISOString();
    const entries = await entriesSince(db, source.action, since);
    await inTransaction(db, async (trx) => {
      for (const entry of entries) {
        const item = await source.make(trx, entry);
        if (
          item &&
          (await repo.insertAutomatic(trx, { ...item, sourceKey: `audit:${entry.id}`, at: entry.at }))
        )
          created++;
      }
      // The cursor only moves forward; with nothing read yet, it starts from now.
      const newest = entries.at(-1)?.at;
      const next = cursor && (!newest || cursor > newest) ? cursor : (newest ?? now.toISOString());
      await repo.setCursor(trx, source.action, next, nowIso());
    });
  }
  return created;
}
