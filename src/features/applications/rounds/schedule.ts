import type { Deps } from "../../../deps.js";
import { audit } from "../../../audit/audit.js";
import { isUniqueViolation } from "../../../db/adapter.js";
import { DEFAULT_RULES } from "../votes/tally.js";
import { advanceRound } from "./advance.js";
import { defaultRoundDates, nextDecisionDate, nextRoundLabel, phaseAt, stepsBetween } from "./phases.js";
import { activeRounds, insertRound, roundLabels } from "./rounds.repository.js";
import { inTransaction } from "../../../db/adapter.js";

const DAY = 86_400_000;
/** A round created by the scheduler leaves candidates at least this long to apply. */
const MIN_LEAD_MS = 28 * DAY;

/**
 * Keeps one round ahead for candidates: when no round is upcoming or open, the next default one
 * (June or December) after the running ones is created, far enough ahead to still apply to it.
 */
export async function ensureNextRound(deps: Deps): Promise<string | null> {
  const now = deps.now();
  const active = await activeRounds(deps.db);
  if (active.some((r) => r.phase === "upcoming" || r.phase === "open")) return null;
  const latest = Math.max(now.getTime() + MIN_LEAD_MS, ...active.map((r) => Date.parse(r.closesAt)));
  const closes = nextDecisionDate(new Date(latest));
  const dates = defaultRoundDates(closes);
  try {
    return await inTransaction(deps.db, async (trx) => {
      const label = nextRoundLabel(await roundLabels(trx));
      const id = await insertRound(
        trx,
        { ...dates, label, ...DEFAULT_RULES, resultsHidden: true },
        phaseAt(dates, now) === "upcoming" ? "upcoming" : "open",
        null,
        now,
      );
      await audit(trx, {
        actor: null,
        action: "round.create",
        subject: { type: "round", id },
        data: { label, ...dates },
      });
      return id;
    });
  } catch (error) {
    // Another instance created it at the same moment (same label): nothing to do.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Brings every running round to the phase its dates say, one logged step at a time. */
export async function followSchedule(deps: Deps): Promise<string[]> {
  const done: string[] = [];
  for (const round of await activeRounds(deps.db)) {
    let from = round.phase;
    for (const step of stepsBetween(round.phase, phaseAt(round, deps.now()))) {
      if (!(await advanceRound(deps, round.id, from, { actor: null, early: false }))) break;
      done.push(`${round.label}: ${from} → ${step}`);
      from = step;
    }
  }
  return done;
}
