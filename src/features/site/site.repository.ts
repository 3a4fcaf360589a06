import type { DB } from "../../db/adapter.js";
import { toCount } from "../../db/adapter.js";

export interface HomeFigures {
  members: number;
  services: number;
  categories: number;
}

export async function homeFigures(db: DB): Promise<HomeFigures> {
  const members = await db
    .selectFrom("members")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("membership", "=", "member")
    .where("archived_at", "is", null)
    .executeTakeFirst();
  const services = await db
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("members.membership", "=", "member")
    .where("members.archived_at", "is", null)
    .where("services.archived_at", "is", null)
    .executeTakeFirst();
  const categories = await db
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .select((eb) => eb.fn.count("services.category_id").distinct().as("n"))
    .where("members.membership", "=", "member")
    .where("members.archived_at", "is", null)
    .where("services.archived_at", "is", null)
    .executeTakeFirst();
  return { members: toCount(members?.n), services: toCount(services?.n), categories: toCount(categories?.n) };
}
