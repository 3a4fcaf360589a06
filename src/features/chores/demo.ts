import type { Deps } from "../../deps.js";
import type { DemoWorld } from "../../demo/world.js";
import { collectiveMemberIds } from "../directory/published.js";
import { peopleOfMembers, platformAdmins } from "../../identity/identity.repository.js";
import * as repo from "./chores.repository.js";
import * as requests from "./requests.repository.js";
import { nextDueDates } from "./schedule.js";

/**
 * The demo's chores: the next turns open, some taken by demo accounts, and a few months of past
 * turns done (or skipped) so the page shows the collective at work; a coordinator has asked two
 * people to take free turns: one still to answer, one who declined.
 */
export async function seedDemo(deps: Deps, world: DemoWorld): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  await repo.planTurns(db, now);
  // In code-point order of their addresses, so one seed always picks the same people.
  const people = (await peopleOfMembers(db, await collectiveMemberIds(db))).sort((a, b) =>
    a.email < b.email ? -1 : a.email > b.email ? 1 : 0,
  );
  if (people.length === 0) return;
  const pick = () => people[Math.floor(world.random() * people.length)]?.id ?? null;
  const today = now.toISOString().slice(0, 10);
  const upcoming = await repo.listTurns(db, { from: today });
  for (const turn of upcoming.filter((_, i) => i % 2 === 0)) {
    const who = pick();
    if (who) await repo.takeTurn(db, turn.id, who);
  }
  const since = new Date(now.getTime() - 120 * 86_400_000);
  for (const chore of await repo.listChores(db)) {
    for (const due of nextDueDates(chore.recurrence, since, 12).filter((d) => d < today)) {
      const skipped = world.random() < 0.15;
      await repo.recordPastTurn(
        db,
        {
          choreId: chore.id,
          dueDate: due,
          assigneeId: skipped ? null : pick(),
          status: skipped ? "skipped" : "done",
        },
        since.toISOString(),
      );
    }
  }
  const [coordinator] = await platformAdmins(db);
  const free = (await repo.listTurns(db, { from: today })).filter((x) => x.assigneeId === null);
  const asked = [people[0], people[1]];
  for (const [i, turn] of free.slice(0, 2).entries()) {
    const person = asked[i];
    if (!person) continue;
    const at = new Date(now.getTime() - (i + 1) * 86_400_000);
    const id = await requests.askTurn(
      db,
      { turnId: turn.id, personId: person.id, askedBy: coordinator?.id ?? null },
      at,
    );
    if (i === 1) await requests.declineRequest(db, id, new Date(at.getTime() + 3_600_000));
  }
}
