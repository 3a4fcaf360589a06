import type { Deps } from "../../deps.js";
import type { DB } from "../../db/adapter.js";
import type { DemoWorld } from "../../demo/world.js";
import { audit } from "../../audit/audit.js";
import type { Answer, Phase } from "./applications.tables.js";
import { insertApplication, moveStatus, saveAnswers, type AnswerInput } from "./applications.repository.js";
import { allCriteria, currentCharter, type Criterion } from "./charter/charter.repository.js";
import { queueRun } from "./checks/check-runner.js";
import { defaultRoundDates, roundNumber } from "./rounds/phases.js";
import { insertRound } from "./rounds/rounds.repository.js";
import { closeDecision } from "./votes/close.js";
import { insertBallot, insertDecision } from "./votes/decisions.repository.js";
import { DEFAULT_RULES, YES_NO } from "./votes/tally.js";
import * as text from "./demo-data.js";

/**
 * The demo's application process: a past decided round, an open round in its vote phase with the
 * three candidate structures (one with pre-checks, questions, answers and ballots), a proposal, and
 * re-assessments, so every page of the process has something true to show.
 */

const DAY = 86_400_000;

function answersFor(
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

async function castBallots(
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

async function fileApplication(
  db: DB,
  memberId: string,
  versionId: string,
  criteria: Criterion[],
  site: string,
  random: () => number,
  opts: { roundId: string; submitted: Date; complete: boolean; personId: string | null },
) {
  const id = await insertApplication(db, {
    memberId,
    kind: "application",
    charterVersionId: versionId,
    personId: opts.personId,
    now: new Date(opts.submitted.getTime() - 10 * DAY),
  });
  await saveAnswers(db, id, answersFor(criteria, site, random, opts.complete), opts.personId, opts.submitted);
  await moveStatus(db, id, ["draft"], "submitted", opts.submitted, {
    round_id: opts.roundId,
    submitted_at: opts.submitted.toISOString(),
  });
  await audit(db, {
    actor: { personId: opts.personId, memberId },
    action: "application.submit",
    subject: { type: "application", id },
    data: { demo: true },
  });
  return id;
}

async function openVote(
  db: DB,
  appId: string,
  title: string,
  roundId: string,
  closesAt: string,
  opened: Date,
) {
  const decisionId = await insertDecision(db, {
    kind: "application",
    title,
    body: "",
    options: [...YES_NO],
    applicationId: appId,
    roundId,
    closesAt,
    rules: DEFAULT_RULES,
    resultsHidden: true,
    personId: null,
    now: opened,
  });
  await moveStatus(db, appId, ["submitted"], "voting", opened);
  return decisionId;
}

export async function seedApplicationsDemo(deps: Deps, world: DemoWorld): Promise<void> {
  const { db } = deps;
  const charter = await currentCharter(db);
  if (!charter) return;
  const criteria = allCriteria(charter);
  const now = deps.now();
  const random = world.random;
  const members = await db
    .selectFrom("members")
    .select(["id", "name", "slug", "website", "membership", "joined_at", "joined_round"])
    .orderBy("slug")
    .execute();
  const people = await db
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .select(["memberships.member_id", "people.id", "people.email"])
    .execute();
  const personOf = new Map(people.map((p) => [p.member_id, p.id]));
  // Structures without demo accounts vote through the platform admin, standing in for their people.
  const admin =
    people.find((p) => p.email === "admin@demo.example") ??
    (await db
      .selectFrom("people")
      .select(["id", "email"])
      .where("email", "=", "admin@demo.example")
      .executeTakeFirst());
  const full = members.filter((m) => m.membership === "member");
  const voterPerson = new Map(full.map((m) => [m.id, personOf.get(m.id) ?? admin?.id ?? ""]));
  const candidates = members.filter((m) => m.membership === "candidate");
  const candidatePerson = people.find((p) => p.email === "candidate@demo.example");
  const siteOf = (m: { slug: string; website: string | null }) =>
    m.website ?? `${world.sitesBaseUrl}/${m.slug}/`;

  await db.transaction().execute(async (trx) => {
    // A past round, decided: the newest members joined with it.
    const pastLabel =
      full.map((m) => m.joined_round ?? "").sort((a, b) => roundNumber(b) - roundNumber(a))[0] ??
      "Portée n°1";
    const joined = full.filter((m) => m.joined_round === pastLabel).slice(0, 3);
    const pastClose = new Date(`${joined[0]?.joined_at ?? "2025-12-15"}T18:00:00.000Z`);
    const pastDates = defaultRoundDates(pastClose);
    const pastId = await insertRound(
      trx,
      { ...pastDates, label: pastLabel, ...DEFAULT_RULES, resultsHidden: true },
      "vote",
      null,
      new Date(pastDates.opensAt),
    );
    for (const m of joined) {
      const appId = await fileApplication(trx, m.id, charter.version.id, criteria, siteOf(m), random, {
        roundId: pastId,
        submitted: new Date(pastClose.getTime() - 40 * DAY),
        complete: true,
        personId: personOf.get(m.id) ?? null,
      });
      const decisionId = await openVote(
        trx,
        appId,
        m.name,
        pastId,
        pastDates.closesAt,
        new Date(pastDates.voteAt),
      );
      await trx
        .deleteFrom("decision_electors")
        .where("decision_id", "=", decisionId)
        .where(
          "member_id",
          "in",
          joined.map((j) => j.id),
        )
        .execute();
      await trx
        .updateTable("decisions")
        .set({ electors_count: full.length - joined.length })
        .where("id", "=", decisionId)
        .execute();
      const voters = full.filter((v) => !joined.includes(v) && random() < 0.4).map((v) => v.id);
      await castBallots(trx, decisionId, voters, voterPerson, random, new Date(pastDates.voteAt), 0.8);
      const decision = await trx
        .selectFrom("decisions")
        .selectAll()
        .where("id", "=", decisionId)
        .executeTakeFirstOrThrow();
      await closeDecision(trx, decision, pastClose, null);
    }
    const phase: Phase = "decided";
    await trx
      .updateTable("rounds")
      .set({ phase, decided_at: pastClose.toISOString() })
      .where("id", "=", pastId)
      .execute();

    // The open round, in its vote phase, with the three candidates.
    const closes = new Date(now.getTime() + 11 * DAY);
    const dates = {
      opensAt: new Date(now.getTime() - 45 * DAY).toISOString(),
      reviewAt: new Date(now.getTime() - 17 * DAY).toISOString(),
      voteAt: new Date(now.getTime() - 3 * DAY).toISOString(),
      closesAt: closes.toISOString(),
    };
    const label = `Portée n°${roundNumber(pastLabel) + 1}`;
    const roundId = await insertRound(
      trx,
      { ...dates, label, ...DEFAULT_RULES, resultsHidden: true },
      "vote",
      null,
      new Date(dates.opensAt),
    );
    const first = candidates.find((m) => personOf.get(m.id) === candidatePerson?.id) ?? candidates[0];
    const ordered = [first, ...candidates.filter((m) => m !== first)];
    for (const [index, m] of ordered.entries()) {
      if (!m) continue;
      const appId = await fileApplication(trx, m.id, charter.version.id, criteria, siteOf(m), random, {
        roundId,
        submitted: new Date(now.getTime() - (25 - index * 4) * DAY),
        complete: index < 2,
        personId: personOf.get(m.id) ?? null,
      });
      await queueRun(trx, appId, "submission", null, now);
      if (index === 0)
        await reviewThread(trx, appId, m.id, criteria, full, personOf, candidatePerson?.id ?? null, now);
      if (index === 1) await openQuestion(trx, appId, criteria, full, personOf, now);
      const decisionId = await openVote(trx, appId, m.name, roundId, dates.closesAt, new Date(dates.voteAt));
      // Structures with demo accounts are left to vote by hand.
      const voters = full
        .filter((v) => !personOf.has(v.id))
        .filter(() => random() < (index === 0 ? 0.3 : index === 1 ? 0.1 : 0))
        .map((v) => v.id);
      await castBallots(trx, decisionId, voters, voterPerson, random, new Date(dates.voteAt), 0.75);
    }
    await proposals(trx, full, voterPerson, new Set(personOf.keys()), random, now);
    await reassessments(trx, full, charter.version.id, criteria, random, now);
    await audit(trx, {
      actor: null,
      action: "demo.seed.applications",
      subject: { type: "platform", id: null },
      data: { rounds: 2, candidates: candidates.length },
    });
  });
}

async function reviewThread(
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
    await db
      .insertInto("criterion_reviews")
      .values({
        application_id: appId,
        criterion_id: criterion.id,
        person_id: reviewer.personId,
        member_id: reviewer.memberId,
        state,
        note,
        at: now.toISOString(),
      })
      .execute();
  }
}

async function openQuestion(
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
  await db
    .insertInto("application_messages")
    .values({
      id,
      application_id: appId,
      person_id: personId,
      member_id: memberId,
      role,
      criterion_id: criterionId,
      body,
      created_at: at.toISOString(),
    })
    .execute();
  await audit(db, {
    actor: { personId, memberId },
    action: role === "reviewer" ? "application.question" : "application.reply",
    subject: { type: "application", id: appId },
    data: { message: id },
  });
}

async function proposals(
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
  const decision = await db
    .selectFrom("decisions")
    .selectAll()
    .where("id", "=", past)
    .executeTakeFirstOrThrow();
  await closeDecision(db, decision, new Date(pastStart.getTime() + 21 * DAY), null);
}

async function reassessments(
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
      // Asked recently and not answered yet: shows as "requested" (or late) on the board.
      const asked = new Date(now.getTime() - Math.floor(random() * 70) * DAY);
      const dueAt = new Date(asked.getTime() + 60 * DAY).toISOString();
      await insertApplication(db, {
        memberId: m.id,
        kind: "reassessment",
        charterVersionId: versionId,
        personId: null,
        now: asked,
        dueAt,
      });
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
      submitted_at: at.toISOString(),
      decided_at: at.toISOString(),
    });
  }
}
