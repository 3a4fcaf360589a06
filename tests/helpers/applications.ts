import type { DB } from "../../src/db/adapter.js";
import { newId } from "../../src/db/ids.js";
import type { Phase } from "../../src/features/applications/applications.tables.js";
import { allCriteria, currentCharter } from "../../src/features/applications/charter/charter.repository.js";
import { insertApplication, moveStatus } from "../../src/features/applications/applications.repository.js";
import type { MembershipRole } from "../../src/identity/identity.tables.js";
import { makeMember, makePerson } from "./factories.js";
import { csrfFrom, type TestClient } from "./client.js";
import type { TestPlatform } from "./platform.js";
import { wholeDb } from "../../src/db/adapter.js";

/** Builders for the applications feature's tests: rounds placed around a given instant, answers. */

const DAY = 86_400_000;

/** A round whose dates put `now` in `phase`, stored in that phase. */
export async function makeRound(
  db: DB,
  options: {
    phase: Phase;
    now: Date;
    label?: string;
    quorumPercent?: number;
    tieOutcome?: "reject" | "accept";
    quorumOutcome?: "reject" | "postpone";
    resultsHidden?: boolean;
  },
) {
  const offsets: Record<Phase, number> = { upcoming: 10, open: -5, review: -20, vote: -33, decided: -50 };
  const opens = options.now.getTime() + offsets[options.phase] * DAY;
  const row = {
    id: newId(),
    label: options.label ?? `Portée n°${Math.floor(Math.random() * 1e6)}`,
    opens_at: new Date(opens).toISOString(),
    review_at: new Date(opens + 14 * DAY).toISOString(),
    vote_at: new Date(opens + 28 * DAY).toISOString(),
    closes_at: new Date(opens + 42 * DAY).toISOString(),
    phase: options.phase,
    quorum_percent: options.quorumPercent ?? 0,
    majority: "simple" as const,
    tie_outcome: options.tieOutcome ?? ("reject" as const),
    quorum_outcome: options.quorumOutcome ?? ("reject" as const),
    results_hidden: options.resultsHidden === false ? 0 : 1,
    created_at: options.now.toISOString(),
    created_by: null,
    decided_at: null,
  };
  await wholeDb(db).insertInto("rounds").values(row).execute();
  return row;
}

/** Form fields answering every criterion of a part ("meets" with an explanation by default). */
export async function partFields(db: DB, letter: string, answer = "meets"): Promise<Record<string, string>> {
  const charter = await currentCharter(db);
  const part = charter?.parts.find((p) => p.letter === letter);
  const fields: Record<string, string> = {};
  for (const cr of part?.criteria ?? []) {
    fields[`answer_${cr.id}`] = answer;
    fields[`explanation_${cr.id}`] = `Nous remplissons ${cr.code}.`;
    fields[`evidence_${cr.id}`] = "";
  }
  return fields;
}

export async function charterLetters(db: DB): Promise<string[]> {
  const charter = await currentCharter(db);
  return charter?.parts.map((p) => p.letter) ?? [];
}

/** Stores "meets" answers for every criterion, straight in the database. */
export async function answerAll(db: DB, applicationId: string): Promise<void> {
  const charter = await currentCharter(db);
  if (!charter) throw new Error("no charter");
  const at = new Date().toISOString();
  for (const cr of allCriteria(charter)) {
    await wholeDb(db)
      .insertInto("application_answers")
      .values({
        application_id: applicationId,
        criterion_id: cr.id,
        answer: "meets",
        explanation: `Oui pour ${cr.code}.`,
        evidence: "[]",
        updated_at: at,
        updated_by: null,
      })
      .execute();
  }
}

/** A person of `memberId`, signed in on a client of the test platform. */
export async function signedIn(t: TestPlatform, memberId: string, role: MembershipRole = "member") {
  const person = await makePerson(t.deps.db, { memberships: [{ memberId, role }] });
  const client = t.client();
  await client.login(person.email, person.password);
  return { person, client };
}

/** A candidate structure whose complete application is submitted to `roundId`, and its admin. */
export async function submittedApplication(t: TestPlatform, roundId: string, name: string, now: Date) {
  const member = await makeMember(t.deps.db, {
    name,
    membership: "candidate",
    joined_at: null,
    joined_round: null,
  });
  const charter = await currentCharter(t.deps.db);
  const id = await insertApplication(t.deps.db, {
    memberId: member.id,
    kind: "application",
    charterVersionId: charter?.version.id ?? "",
    personId: null,
    now,
  });
  await answerAll(t.deps.db, id);
  await moveStatus(t.deps.db, id, ["draft"], "submitted", now, {
    roundId,
    submittedAt: now.toISOString(),
  });
  return { member, id, candidate: await signedIn(t, member.id, "admin") };
}

/** The stored decision row of an application's vote (tests read its JSON as published). */
export async function decisionOf(t: TestPlatform, applicationId: string) {
  return wholeDb(t.deps.db)
    .selectFrom("decisions")
    .selectAll()
    .where("application_id", "=", applicationId)
    .executeTakeFirstOrThrow();
}

/** Votes through the decision page's form, with the fields given (tampered ones included). */
export async function formVote(client: TestClient, decisionId: string, fields: Record<string, string>) {
  const page = await client.get(`/fr/decisions/${decisionId}`);
  const token = csrfFrom(page.text, `/fr/decisions/${decisionId}/vote`) ?? csrfFrom(page.text) ?? "";
  return client.post(`/fr/decisions/${decisionId}/vote`, { _csrf: token, ...fields });
}
