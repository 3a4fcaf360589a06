import type { Deps } from "../../deps.js";
import type { DemoWorld } from "../../demo/world.js";
import { newId } from "../../db/ids.js";
import * as repo from "./chores.repository.js";
import { nextDueDates } from "./schedule.js";

/**
 * The demo's chores: the next turns open, some taken by demo accounts, and a few months of past
 * turns done (or skipped) so the page shows the collective at work.
 */
export async function seedDemo(deps: Deps, world: DemoWorld): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  await repo.planTurns(db, now);
  const people = await db
    .selectFrom("people")
    .innerJoin("memberships", "memberships.person_id", "people.id")
    .innerJoin("members", "members.id", "memberships.member_id")
    .select(["people.id"])
    .where("members.membership", "=", "member")
    .orderBy("people.email")
    .execute();
  if (people.length === 0) return;
  const pick = () => people[Math.floor(world.random() * people.length)]?.id ?? null;
  const upcoming = await repo.listTurns(db, { from: now.toISOString().slice(0, 10) });
  for (const turn of upcoming.filter((_, i) => i % 2 === 0)) {
    const who = pick();
    if (who) await repo.takeTurn(db, turn.id, who);
  }
  const since = new Date(now.getTime() - 120 * 86_400_000);
  for (const chore of await repo.listChores(db)) {
    for (const due of nextDueDates(chore.recurrence, since, 12).filter(
      (d) => d < now.toISOString().slice(0, 10),
    )) {
      const skipped = world.random() < 0.15;
      await db
        .insertInto("chore_turns")
        .values({
          id: newId(),
          chore_id: chore.id,
          due_date: due,
          assignee_person_id: skipped ? null : pick(),
          status: skipped ? "skipped" : "done",
          done_at: `${due}T18:00:00.000Z`,
          note: null,
          reminded_at: null,
          created_at: since.toISOString(),
        })
        .onConflict((oc) => oc.columns(["chore_id", "due_date"]).doNothing())
        .execute();
    }
  }
}
