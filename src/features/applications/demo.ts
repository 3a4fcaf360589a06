import type { Deps } from "../../deps.js";
import { inTransaction, type DB } from "../../db/adapter.js";
import { listStructures } from "../directory/published.js";
import { allMemberships, peopleByIds, personByEmail } from "../../identity/identity.repository.js";
import type { DemoWorld } from "../../demo/world.js";
import { audit } from "../../audit/audit.js";
import { insertApplication, moveStatus } from "./applications.repository.js";
import { saveAnswers } from "./answers.repository.js";
import { allCriteria, currentCharter, type Criterion } from "./charter/charter.repository.js";
import { queueRun } from "./checks/checks.repository.js";
import { defaultRoundDates, roundNumber } from "./rounds/phases.js";
import { insertRound, movePhase } from "./rounds/rounds.repository.js";
import { closeDecision } from "./votes/close.js";
import { findDecision, insertDecision, removeElectors } from "./votes/decisions.repository.js";
import { DEFAULT_RULES, YES_NO } from "./votes/tally.js";
import {
  answersFor,
  castBallots,
  openQuestion,
  proposals,
  reassessments,
  reviewThread,
} from "./demo-parts.js";

/**
 * The demo's application process: a past decided round, an open round in its vote phase with the
 * three candidate structures (one with pre-checks, questions, answers and ballots), a proposal, and
 * re-assessments, so every page of the process has something true to show.
 */

const DAY = 86_400_000;

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
    roundId: opts.roundId,
    submittedAt: opts.submitted.toISOString(),
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
  const members = (await listStructures(db, { includeArchived: true })).sort((a, b) =>
    a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0,
  );
  const links = await allMemberships(db);
  const accounts = await peopleByIds(
    db,
    links.map((l) => l.personId),
  );
  const people = links.flatMap((l) => {
    const person = accounts.get(l.personId);
    return person ? [{ memberId: l.memberId, id: person.id, email: person.email }] : [];
  });
  const personOf = new Map(people.map((p) => [p.memberId, p.id]));
  // Structures without demo accounts vote through the platform admin, standing in for their people.
  const admin = await personByEmail(db, "admin@demo.example");
  const full = members.filter((m) => m.membership === "member");
  const voterPerson = new Map(full.map((m) => [m.id, personOf.get(m.id) ?? admin?.id ?? ""]));
  const candidates = members.filter((m) => m.membership === "candidate");
  const candidatePerson = people.find((p) => p.email === "candidate@demo.example");
  const siteOf = (m: { slug: string; website: string | null }) =>
    m.website ?? `${world.sitesBaseUrl}/${m.slug}/`;

  await inTransaction(db, async (trx) => {
    // A past round, decided: the newest members joined with it.
    const pastLabel =
      full.map((m) => m.joinedRound ?? "").sort((a, b) => roundNumber(b) - roundNumber(a))[0] ?? "Portée n°1";
    const joined = full.filter((m) => m.joinedRound === pastLabel).slice(0, 3);
    const pastClose = joined[0]?.joinedAt
      ? new Date(`${joined[0].joinedAt}T18:00:00.000Z`)
      : new Date(now.getTime() - 60 * DAY);
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
      await removeElectors(
        trx,
        decisionId,
        joined.map((j) => j.id),
      );
      const voters = full.filter((v) => !joined.includes(v) && random() < 0.4).map((v) => v.id);
      await castBallots(trx, decisionId, voters, voterPerson, random, new Date(pastDates.voteAt), 0.8);
      const decision = await findDecision(trx, decisionId);
      if (decision) await closeDecision(trx, decision, pastClose, null);
    }
    await movePhase(trx, pastId, "vote", "decided", pastDates, pastClose);

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
