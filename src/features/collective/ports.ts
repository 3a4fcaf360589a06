import type { DB } from "../../db/adapter.js";
import {
  peopleByIds,
  peopleOfMembers,
  platformAdmins,
  type Person,
} from "../../identity/identity.repository.js";
import {
  collectiveMemberIds,
  memberServicesInCategory,
  structureById,
  structuresByIds,
} from "../directory/published.js";
import { choreTurns, type PublishedTurn } from "../chores/published.js";
import { collectiveSchedule } from "../applications/published.js";

/**
 * The one place where the collective feature reaches other owners' data, each through what that
 * owner publishes: identity (people), the directory (call links), chores (who holds which turn),
 * applications (rounds and decisions). When chores and applications move behind their owner views,
 * their published functions change and this port stays.
 */

export type { Person, PublishedTurn };
export { choreTurns, collectiveSchedule, peopleByIds, structureById };

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The turn a chore is in on `day`: the latest one that started on or before it, within a month. */
async function turnOn(db: DB, slug: (s: string) => boolean, day: Date): Promise<PublishedTurn | undefined> {
  const turns = await choreTurns(db, { from: isoDay(new Date(day.getTime() - 31 * DAY)), to: isoDay(day) });
  return turns.filter((t) => slug(t.choreSlug)).at(-1);
}

/** The person holding the current turn of the "contact" chore, if someone does. */
export async function contactDeskHolder(db: DB, now: Date): Promise<Person | undefined> {
  const turn = await turnOn(db, (s) => s === "contact", now);
  if (!turn?.assigneeId || turn.status === "skipped") return undefined;
  const person = (await peopleByIds(db, [turn.assigneeId])).get(turn.assigneeId);
  return person && !person.disabled ? person : undefined;
}

/** Who holds the meeting chore's turn on the meeting's day, to suggest as facilitator. */
export async function meetingChoreHolder(db: DB, day: Date): Promise<string | undefined> {
  const turn = await turnOn(db, (s) => s.includes("meeting"), day);
  return turn && turn.status !== "skipped" ? (turn.assigneeId ?? undefined) : undefined;
}

/** The coordinators of the collective: the platform admins. */
export const coordinators = (db: DB): Promise<Person[]> => platformAdmins(db);

/** Everyone who may take part in the collective's life: people of member structures, and coordinators. */
export async function collectivePeople(db: DB): Promise<Person[]> {
  const people = new Map<string, Person>();
  for (const p of await peopleOfMembers(db, await collectiveMemberIds(db))) people.set(p.id, p);
  for (const p of await platformAdmins(db)) people.set(p.id, p);
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export interface CallService {
  id: string;
  name: string;
  url: string;
  memberName: string;
}

/** Members' video-conferencing instances, to pick a meeting's call link from. */
export async function videoServices(db: DB): Promise<CallService[]> {
  const services = await memberServicesInCategory(db, "video-conferencing");
  const members = await structuresByIds(
    db,
    services.map((s) => s.memberId),
  );
  return services.map((s) => ({
    id: s.id,
    name: s.name,
    url: s.url,
    memberName: members.get(s.memberId)?.name ?? "",
  }));
}
