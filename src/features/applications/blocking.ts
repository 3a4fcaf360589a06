import type { Answer, CriterionLevel } from "./applications.tables.js";

/**
 * What still stands between a self-assessment and its submission. Required criteria must be met
 * and explained; every recommended one must be answered, whatever the answer (a candidate may
 * honestly say "not yet"); the structure must say where its website is and list a service. An
 * answer carried over from last time must be confirmed or changed before a re-assessment completes.
 */

export interface BlockingCriterion {
  id: string;
  code: string;
  level: CriterionLevel;
}

export interface BlockingAnswer {
  answer: Answer | null;
  explanation: string;
  /** Set while the answer is last time's, not yet confirmed or changed. */
  carriedFrom?: string | null;
}

export type Blocker =
  | { kind: "required-not-met"; criterionId: string; code: string }
  | { kind: "no-explanation"; criterionId: string; code: string }
  | { kind: "unanswered"; criterionId: string; code: string }
  | { kind: "to-confirm"; criterionId: string; code: string }
  | { kind: "no-website" }
  | { kind: "no-service" };

export function blockers(
  criteria: readonly BlockingCriterion[],
  answers: ReadonlyMap<string, BlockingAnswer>,
  structure: { website: string | null; services: number },
): Blocker[] {
  const out: Blocker[] = [];
  if (!structure.website) out.push({ kind: "no-website" });
  if (structure.services === 0) out.push({ kind: "no-service" });
  for (const c of criteria) {
    const a = answers.get(c.id);
    const ref = { criterionId: c.id, code: c.code };
    if (c.level === "required") {
      if (a?.answer !== "meets") out.push({ kind: "required-not-met", ...ref });
      else if (a.explanation.trim() === "") out.push({ kind: "no-explanation", ...ref });
    } else if (!a?.answer) {
      out.push({ kind: "unanswered", ...ref });
    }
    if (a?.carriedFrom && !out.some((b) => "criterionId" in b && b.criterionId === c.id))
      out.push({ kind: "to-confirm", ...ref });
  }
  return out;
}

/** How far along the self-assessment is: answered criteria out of all. */
export function progress(
  criteria: readonly BlockingCriterion[],
  answers: ReadonlyMap<string, BlockingAnswer>,
): { answered: number; total: number } {
  return { answered: criteria.filter((c) => !!answers.get(c.id)?.answer).length, total: criteria.length };
}
