import type { Deps } from "../../deps.js";
import type { AuditActor } from "../../audit/audit.js";
import { listStructures } from "../directory/published.js";
import { reassessmentFiles, type ReassessmentFile } from "./summaries.repository.js";
import { queueRun } from "./checks/checks.repository.js";
import { compose, sendAll, structureRecipients } from "./notify.js";
import { REASSESSMENT_ANSWER_WITHIN_MS, startApplication } from "./workflows.js";

/**
 * Periodic re-assessment: every member is asked, once per interval (yearly by default), to answer
 * the current charter again; its pre-checks run again at the same time. The collective sees who is
 * up to date. A member's clock starts at its last completed re-assessment, else at its joining.
 */

export type ReassessmentState = "up_to_date" | "due" | "requested" | "overdue";

export function reassessmentState(
  input: {
    lastCompletedAt: string | null;
    joinedAt: string | null;
    openDueAt: string | null;
    hasOpen: boolean;
  },
  now: Date,
  intervalMs: number,
): ReassessmentState {
  if (input.hasOpen) return input.openDueAt && input.openDueAt < now.toISOString() ? "overdue" : "requested";
  const since = input.lastCompletedAt ?? input.joinedAt;
  if (!since) return "due";
  return Date.parse(since) + intervalMs <= now.getTime() ? "due" : "up_to_date";
}

/** A member structure on the collective's re-assessment board. */
export interface BoardEntry {
  id: string;
  name: string;
  slug: string;
  state: ReassessmentState;
  /** Its latest completed re-assessment. */
  last: ReassessmentFile | undefined;
  /** The one it is asked to answer now. */
  open: ReassessmentFile | undefined;
}

export async function reassessmentBoard(deps: Deps): Promise<BoardEntry[]> {
  const members = await listStructures(deps.db, { membership: "member" });
  const files = await reassessmentFiles(deps.db);
  const now = deps.now();
  return members.map((m) => {
    const mine = files.filter((f) => f.memberId === m.id);
    const last = mine.filter((f) => f.status === "completed").at(-1);
    const open = mine.find((f) => f.status === "draft");
    const state = reassessmentState(
      {
        lastCompletedAt: last?.decidedAt ?? null,
        joinedAt: m.joinedAt,
        openDueAt: open?.dueAt ?? null,
        hasOpen: !!open,
      },
      now,
      deps.config.applications.reassessmentIntervalMs,
    );
    return { id: m.id, name: m.name, slug: m.slug, state, last, open };
  });
}

/** Asks the given members (or every member that is due) to re-assess; returns how many were asked. */
export async function requestReassessments(
  deps: Deps,
  memberIds: string[] | null,
  actor: AuditActor | null,
): Promise<number> {
  const board = await reassessmentBoard(deps);
  const targets = board.filter((m) => (memberIds ? memberIds.includes(m.id) && !m.open : m.state === "due"));
  const dueAt = new Date(deps.now().getTime() + REASSESSMENT_ANSWER_WITHIN_MS).toISOString();
  let asked = 0;
  for (const m of targets) {
    const { id, created } = await startApplication(deps, {
      memberId: m.id,
      personId: actor?.personId ?? null,
      kind: "reassessment",
      dueAt,
    });
    if (!created) continue;
    await queueRun(deps.db, id, "scheduled", null, deps.now());
    const mails = compose(deps, await structureRecipients(deps.db, m.id), "reassessment", (t, link) => ({
      subject: t("applications.mail.reassessment.subject"),
      text: t("applications.mail.reassessment.body", {
        name: m.name,
        date: t.date(dueAt),
        link: link(`/applications/${id}`),
      }),
    }));
    await sendAll(deps, mails);
    asked++;
  }
  return asked;
}
