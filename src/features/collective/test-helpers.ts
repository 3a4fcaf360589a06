import type { DB } from "../../db/adapter.js";
import { newId } from "../../db/ids.js";
import { makeMember, makePerson } from "../../../tests/helpers/factories.js";
import type { TestClient } from "../../../tests/helpers/client.js";
import type { TestPlatform } from "../../../tests/helpers/platform.js";
import { wholeDb } from "../../db/adapter.js";

/** Set-up shared by the collective feature's tests: people of the collective and chore turns. */

export async function memberPerson(db: DB, name?: string) {
  const member = await makeMember(db);
  return makePerson(db, {
    memberships: [{ memberId: member.id, role: "member" }],
    ...(name ? { name } : {}),
  });
}

export async function signedIn(
  t: TestPlatform,
  person: { email: string; password: string },
): Promise<TestClient> {
  const client = t.client();
  await client.login(person.email, person.password);
  return client;
}

/** Gives `personId` the turn of chore `slug` starting on `day` (YYYY-MM-DD). */
export async function giveTurn(db: DB, slug: string, day: string, personId: string | null): Promise<string> {
  const chore = await wholeDb(db)
    .selectFrom("chores")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  await wholeDb(db)
    .deleteFrom("chore_turns")
    .where("chore_id", "=", chore.id)
    .where("due_date", "=", day)
    .execute();
  const id = newId();
  await wholeDb(db)
    .insertInto("chore_turns")
    .values({
      id,
      chore_id: chore.id,
      due_date: day,
      assignee_person_id: personId,
      status: "open",
      done_at: null,
      note: null,
      reminded_at: null,
      created_at: `${day}T00:00:00.000Z`,
    })
    .execute();
  return id;
}

export async function mailsTo(db: DB, address: string) {
  return wholeDb(db)
    .selectFrom("mail_outbox")
    .selectAll()
    .where("to_address", "=", address)
    .orderBy("created_at")
    .execute();
}

/** A decision of the vote engine, as the applications feature stores it. */
export async function makeDecision(
  db: DB,
  input: { title: string; closesAt: string; status?: "open" | "closed"; outcome?: string | null },
): Promise<string> {
  const id = newId();
  await wholeDb(db)
    .insertInto("decisions")
    .values({
      id,
      kind: "proposal",
      title: input.title,
      body: "",
      application_id: null,
      round_id: null,
      charter_version_id: null,
      options: '["for","against"]',
      opens_at: new Date(Date.parse(input.closesAt) - 14 * 86_400_000).toISOString(),
      closes_at: input.closesAt,
      quorum_percent: 0,
      majority: "simple",
      tie_outcome: "reject",
      quorum_outcome: "reject",
      results_hidden: 0,
      status: input.status ?? "open",
      outcome: input.outcome ?? null,
      result: null,
      electors_count: 0,
      created_at: input.closesAt,
      created_by: null,
      closed_at: input.status === "closed" ? input.closesAt : null,
    })
    .execute();
  return id;
}
