import type { DB } from "../../db/adapter.js";
import { audit } from "../../audit/audit.js";
import type { Answer } from "./applications.tables.js";
import { insertApplication, moveStatus } from "./applications.repository.js";
import { carryOverAnswers, saveAnswers, type AnswerInput } from "./answers.repository.js";
import { insertMessage, saveReview } from "./review.repository.js";
import type { Criterion } from "./charter/charter.repository.js";
import { closeDecision } from "./votes/close.js";
import { findDecision, insertDecision } from "./votes/decisions.repository.js";
import { insertBallot } from "./votes/ballots.repository.js";
import { DEFAULT_RULES, YES_NO } from "./votes/tally.js";
import * as text from "./demo-data.js";

/** Pieces of the demo's application process (see demo.ts): answers, ballots, review, proposals. */

const DAY = 86_400_000;

export function answersFor(
  criteria: Criterion[],
  site: string,
  random: () => number,
  complete: boolean,
): AnswerInput[] {
  return criteria.map((cr) => {
    const answer: Answer =
      cr.level === "required"
        ? "meets"
        : complete
          ? random() < 0.6
            ? "meets"
            : "partly"
          : random() < 0.5
            ? "partly"
            : "not_yet";
    const evidence =
      cr.code === "T1"
        ? [`${site}cgu`, `${site}mentions-legales`]
        : cr.code === "T2"
          ? [`${site}confidentialite`]
          : [];
    return { criterionId: cr.id, answer, explanation: text.DEMO_EXPLANATIONS[cr.code] ?? "", evidence };
  });
}

export async function castBallots(
  db: DB,
  decisionId: string,
  voters: string[],
  personOf: Map<string, string>,
  random: () => number,
  at: Date,
  bias: number,
) {
  let n = 0;
  for (const memberId of voters) {
    const personId = personOf.get(memberId);
    if (!personId) continue;
    const r = random();
    const choice = r < bias ? "for" : r < bias + 0.12 ? "against" : "abstain";
    const reasons = choice === "against" ? text.DEMO_REASONS_AGAINST : text.DEMO_REASONS_FOR;
    const reason = reasons[n++ % reasons.length] ?? "";
    await insertBallot(db, {
      decisionId,
      memberId,
      personId,
      choice,
      reason,
      now: new Date(at.getTime() + n * 3_600_000),
    });
  }
}

export async function reviewThread(
  db: DB,
  appId: string,
  memberId: string,
  criteria: Criterion[],
  full: { id: string }[],
  personOf: Map<string, string>,
  candidateId: string | null,
  now: Date,
) {
  const reviewers = full
    .filter((m) => personOf.has(m.id))
    .slice(0, 2)
    .map((m) => ({ memberId: m.id, personId: personOf.get(m.id) }));
  for (const [i, q] of text.DEMO_QUESTIONS.entries()) {
    const reviewer = reviewers[i % reviewers.length];
    const criterion = criteria.find((c) => c.code === q.criterion);
    if (!reviewer?.personId) continue;
    const at = new Date(now.getTime() - (15 - i * 3) * DAY);
    await message(
      db,
      appId,
      reviewer.personId,
      reviewer.memberId,
      "reviewer",
      criterion?.id ?? null,
      q.question,
      at,
      `${i}q`,
    );
    if (q.answer && candidateId)
      await message(
        db,
        appId,
        candidateId,
        memberId,
        "candidate",
        criterion?.id ?? null,
        q.answer,
        new Date(at.getTime() + DAY),
        `${i}a`,
      );
  }
  for (const [i, code] of ["H1", "T1", "O1", "T6"].entries()) {
    const reviewer = reviewers[i % reviewers.length];
    const criterion = criteria.find((c) => c.code === code);
    if (!reviewer?.personId || !criterion) continue;
    const state = code === "T6" ? "questioned" : "verified";
    const note = code === "T6" ? "Les sauvegardes ne sont pas encore décrites sur le site." : "";
    await saveReview(db, {
      applicationId: appId,
      criterionId: criterion.id,
      personId: reviewer.personId,
      memberId: reviewer.memberId,
      state,
      note,
      at: now,
    });
  }
}

export async function openQuestion(
  db: DB,
  appId: string,
  criteria: Criterion[],
  full: { id: string }[],
  personOf: Map<string, string>,
  now: Date,
) {
  const reviewer = full.filter((m) => personOf.has(m.id))[2];
  const personId = reviewer ? personOf.get(reviewer.id) : undefined;
  if (!reviewer || !personId) return;
  const criterion = criteria.find((c) => c.code === text.DEMO_OPEN_QUESTION.criterion);
  await message(
    db,
    appId,
    personId,
    reviewer.id,
    "reviewer",
    criterion?.id ?? null,
    text.DEMO_OPEN_QUESTION.question,
    new Date(now.getTime() - 5 * DAY),
    "oq",
  );
}

async function message(
  db: DB,
  appId: string,
  personId: string,
  memberId: string,
  role: "reviewer" | "candidate",
  criterionId: string | null,
  body: string,
  at: Date,
  suffix: string,
) {
  const id = `${at.getTime().toString(16).padStart(12, "0")}demo${suffix}${appId.slice(0, 8)}`;
  await insertMessage(db, { id, applicationId: appId, personId, memberId, role, criterionId, body, at });
  await audit(db, {
    actor: { personId, memberId },
    action: role === "reviewer" ? "application.question" : "application.reply",
    subject: { type: "application", id: appId },
    data: { message: id },
  });
}

export async function proposals(
  db: DB,
  full: { id: string }[],
  voterPerson: Map<string, string>,
  withAccounts: Set<string>,
  random: () => number,
  now: Date,
) {
  const open = await insertDecision(db, {
    kind: "proposal",
    ...text.DEMO_PROPOSAL,
    closesAt: new Date(now.getTime() + 9 * DAY).toISOString(),
    rules: DEFAULT_RULES,
    resultsHidden: true,
    personId: null,
    now: new Date(now.getTime() - 5 * DAY),
  });
  for (const m of full.filter((v) => !withAccounts.has(v.id)).filter(() => random() < 0.25)) {
    const personId = voterPerson.get(m.id);
    const choice = text.DEMO_PROPOSAL.options[Math.floor(random() * 3)] ?? "abstain";
    if (personId)
      await insertBallot(db, {
        decisionId: open,
        memberId: m.id,
        personId,
        choice,
        reason: "",
        now: new Date(now.getTime() - 2 * DAY),
      });
  }
  const pastStart = new Date(now.getTime() - 120 * DAY);
  const past = await insertDecision(db, {
    kind: "proposal",
    ...text.DEMO_PAST_PROPOSAL,
    options: [...YES_NO],
    closesAt: new Date(pastStart.getTime() + 21 * DAY).toISOString(),
    rules: DEFAULT_RULES,
    resultsHidden: true,
    personId: null,
    now: pastStart,
  });
  await castBallots(
    db,
    past,
    full.filter(() => random() < 0.38).map((m) => m.id),
    voterPerson,
    random,
    new Date(pastStart.getTime() + DAY),
    0.85,
  );
  const decision = await findDecision(db, past);
  if (decision) await closeDecision(db, decision, new Date(pastStart.getTime() + 21 * DAY), null);
}

export async function reassessments(
  db: DB,
  full: { id: string }[],
  versionId: string,
  criteria: Criterion[],
  random: () => number,
  now: Date,
) {
  for (const m of full) {
    const r = random();
    if (r > 0.82) continue;
    if (r > 0.7) {
      // Asked in the last weeks and not answered yet ("requested" on the board, due after today):
      // the file starts from last year's answers, to confirm or change.
      const asked = new Date(now.getTime() - Math.floor(random() * 50) * DAY);
      const lastYear = new Date(asked.getTime() - 365 * DAY);
      const previous = await insertApplication(db, {
        memberId: m.id,
        kind: "reassessment",
        charterVersionId: versionId,
        personId: null,
        now: lastYear,
      });
      await saveAnswers(db, previous, answersFor(criteria, "", random, true), null, lastYear);
      await moveStatus(db, previous, ["draft"], "completed", lastYear, {
        submittedAt: lastYear.toISOString(),
        decidedAt: lastYear.toISOString(),
      });
      const open = await insertApplication(db, {
        memberId: m.id,
        kind: "reassessment",
        charterVersionId: versionId,
        personId: null,
        now: asked,
        dueAt: new Date(asked.getTime() + 60 * DAY).toISOString(),
      });
      await carryOverAnswers(db, { from: previous, to: open, criteria }, asked);
      continue;
    }
    const at = new Date(now.getTime() - Math.floor(random() * 330) * DAY);
    const id = await insertApplication(db, {
      memberId: m.id,
      kind: "reassessment",
      charterVersionId: versionId,
      personId: null,
      now: at,
    });
    await saveAnswers(db, id, answersFor(criteria, "", random, true), null, at);
    await moveStatus(db, id, ["draft"], "completed", at, {
      submittedAt: at.toISOString(),
      decidedAt: at.toISOString(),
    });
  }
}
