import type { TestPlatform } from "../helpers/platform.js";
import { DEMO_ADMIN_EMAIL, DEMO_CANDIDATE_EMAIL, DEMO_PASSWORD } from "../../src/demo/seed.js";
import { makeInstance } from "../helpers/entraide.js";
import { wholeDb } from "../../src/db/adapter.js";

export const ROLES = [
  "anonymous",
  "candidate",
  "otherMember",
  "member",
  "structureAdmin",
  "platformAdmin",
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The cast of the authorization matrix, all from the demo collective: structure M (a member with
 * both an admin and a plain member account), another member structure N, a candidate structure C,
 * and the records each route acts on.
 */
export interface Cast {
  emails: Record<Exclude<Role, "anonymous">, string>;
  password: string;
  params: Record<string, string>;
}

export async function castFor(t: TestPlatform): Promise<Cast> {
  const { db } = t.deps;
  const links = await wholeDb(db)
    .selectFrom("people")
    .innerJoin("memberships", "memberships.person_id", "people.id")
    .innerJoin("members", "members.id", "memberships.member_id")
    .select(["people.email", "members.slug", "members.id", "memberships.role", "members.membership"])
    .orderBy("people.email")
    .execute();
  const plain = links.find((l) => l.role === "member" && l.membership === "member");
  if (!plain) throw new Error("the demo has no plain member account");
  const admin = links.find((l) => l.slug === plain.slug && l.role === "admin");
  const other = links.find((l) => l.slug !== plain.slug && l.role === "admin" && l.membership === "member");
  const candidate = links.find((l) => l.email === DEMO_CANDIDATE_EMAIL);
  if (!admin || !other || !candidate) throw new Error("incomplete demo cast");
  const service = await wholeDb(db)
    .selectFrom("services")
    .select("slug")
    .where("member_id", "=", plain.id)
    .orderBy("slug")
    .executeTakeFirstOrThrow();
  // An entraide instance lent by M (the demo may not have given M one).
  let instance = await wholeDb(db)
    .selectFrom("entraide_instances")
    .select("id")
    .where("member_id", "=", plain.id)
    .executeTakeFirst();
  if (!instance) {
    const id = await makeInstance(db, {
      memberId: plain.id,
      url: `https://pad.${plain.slug}.example.org/`,
      health: "up",
      successes: 3,
    });
    instance = { id };
  }
  const charter = await wholeDb(db)
    .selectFrom("charter_versions")
    .select("id")
    .where("status", "=", "current")
    .executeTakeFirstOrThrow();
  const criterion = await wholeDb(db)
    .selectFrom("charter_criteria")
    .select("id")
    .where("version_id", "=", charter.id)
    .executeTakeFirstOrThrow();
  const application = await wholeDb(db)
    .selectFrom("applications")
    .select("id")
    .where("member_id", "=", candidate.id)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
  const round = await wholeDb(db)
    .selectFrom("rounds")
    .select("id")
    .orderBy("opens_at", "desc")
    .executeTakeFirstOrThrow();
  const decision = await wholeDb(db)
    .selectFrom("decisions")
    .select("id")
    .where("status", "=", "open")
    .executeTakeFirstOrThrow();
  const collective = await collectiveCast(t, {
    member: plain.email,
    structureAdmin: admin.email,
    others: [other.email, candidate.email, DEMO_ADMIN_EMAIL],
  });
  const [turn, otherTurn, askedTurn] = await wholeDb(db)
    .selectFrom("chore_turns")
    .select("id")
    .where("status", "=", "open")
    .where("assignee_person_id", "is", null)
    .orderBy("due_date")
    .limit(3)
    .execute();
  if (!turn || !otherTurn || !askedTurn) throw new Error("the demo has no free chore turns");
  // A request, still unanswered, that M's plain member take a third free turn.
  const asked = await wholeDb(db)
    .selectFrom("people")
    .select("id")
    .where("email", "=", plain.email)
    .executeTakeFirstOrThrow();
  const choreRequest = "00000000-0000-4000-8000-0000000c0e01";
  await wholeDb(db)
    .insertInto("chore_requests")
    .values({
      id: choreRequest,
      turn_id: askedTurn.id,
      person_id: asked.id,
      asked_by: null,
      status: "pending",
      created_at: t.deps.now().toISOString(),
      answered_at: null,
      reminded_at: null,
    })
    .execute();
  return {
    emails: {
      candidate: candidate.email,
      otherMember: other.email,
      member: plain.email,
      structureAdmin: admin.email,
      platformAdmin: DEMO_ADMIN_EMAIL,
    },
    password: DEMO_PASSWORD,
    params: {
      slug: plain.slug,
      service: service.slug,
      token: "not-a-real-token",
      instance: instance.id,
      category: "pad",
      portalService: "pad",
      charter: charter.id,
      criterion: criterion.id,
      round: round.id,
      application: application.id,
      decision: decision.id,
      chore: "contact",
      turn: turn.id,
      otherTurn: otherTurn.id,
      choreRequest,
      job: "housekeeping",
      letter: "C",
      ...collective,
    },
  };
}

/**
 * The collective feature's records, with their roles made plain: this week's contact turn is the
 * platform admin's (so only coordinators reach the desk), the next meeting is run by M's admin,
 * and M's plain member is the only one of the cast on the mediation team.
 */
async function collectiveCast(
  t: TestPlatform,
  emails: { member: string; structureAdmin: string; others: string[] },
): Promise<Record<string, string>> {
  const { db } = t.deps;
  const today = t.deps.now().toISOString();
  const id = async (email: string) =>
    (await wholeDb(db).selectFrom("people").select("id").where("email", "=", email).executeTakeFirstOrThrow())
      .id;
  const coordinator = await id(DEMO_ADMIN_EMAIL);
  const contactTurn = await wholeDb(db)
    .selectFrom("chore_turns")
    .innerJoin("chores", "chores.id", "chore_turns.chore_id")
    .select("chore_turns.id")
    .where("chores.slug", "=", "contact")
    .where("chore_turns.due_date", "<=", today.slice(0, 10))
    .orderBy("chore_turns.due_date", "desc")
    .executeTakeFirstOrThrow();
  await wholeDb(db)
    .updateTable("chore_turns")
    .set({ assignee_person_id: coordinator, status: "open" })
    .where("id", "=", contactTurn.id)
    .execute();
  const meeting = await wholeDb(db)
    .selectFrom("meetings")
    .select("id")
    .where("starts_at", ">", today)
    .orderBy("starts_at")
    .executeTakeFirstOrThrow();
  await wholeDb(db)
    .updateTable("meetings")
    .set({ facilitator_person_id: await id(emails.structureAdmin), note_taker_person_id: null })
    .where("id", "=", meeting.id)
    .execute();
  const mediator = await id(emails.member);
  const others = await Promise.all(emails.others.map(id));
  await wholeDb(db).deleteFrom("mediation_team").where("person_id", "in", others).execute();
  await wholeDb(db)
    .insertInto("mediation_team")
    .values({ person_id: mediator, added_at: today, added_by: null })
    .onConflict((oc) => oc.column("person_id").doNothing())
    .execute();
  const first = async (table: "contact_messages" | "news_items" | "mediation_reports") =>
    (await wholeDb(db).selectFrom(table).select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  return {
    contactMessage: await first("contact_messages"),
    meeting: meeting.id,
    news: await first("news_items"),
    report: await first("mediation_reports"),
  };
}
