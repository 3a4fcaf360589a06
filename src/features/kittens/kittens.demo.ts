import type { Deps } from "../../deps.js";
import type { DemoWorld } from "../../demo/world.js";
import { audit } from "../../audit/audit.js";
import { updateMemberFields } from "../directory/directory.repository.js";
import { ACCESSORIES, kittenFromSeed, serializeAvatar, type KittenOptions } from "./kitten.js";
import { inTransaction } from "../../db/adapter.js";

/** A few demo structures kept a kitten of their own (the others show the one of their slug). */
export async function seedKittens(deps: Deps, world: DemoWorld): Promise<void> {
  const chosen = world.members.filter((_, i) => i % 9 === 0).slice(0, 8);
  await inTransaction(deps.db, async (trx) => {
    for (const [i, member] of chosen.entries()) {
      const accessory = ACCESSORIES[1 + (i % (ACCESSORIES.length - 1))] ?? "bow";
      const options: KittenOptions = { ...kittenFromSeed(member.slug), accessory, background: "cream" };
      const avatar = serializeAvatar({ seed: member.slug, options });
      await updateMemberFields(trx, member.id, { avatar });
      await audit(trx, {
        actor: null,
        action: "member.avatar.keep",
        subject: { type: "member", id: member.id },
        data: { avatar, demo: true },
      });
    }
  });
}
