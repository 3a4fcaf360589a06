import { createHash, randomInt } from "node:crypto";
import type { Hono } from "hono";
import { z } from "zod";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { canAdminMember, requireMemberAdmin, requirePerson } from "../../http/policy.js";
import { HttpError } from "../../http/errors.js";
import { parseForm, choice, optionalText } from "../../http/forms.js";
import { audit } from "../../audit/audit.js";
import { slugify } from "../../db/ids.js";
import { findMemberBySlug, updateMemberFields } from "../directory/directory.repository.js";
import { invalidateDirectory } from "../directory/finder/snapshot.js";
import {
  cleanSeed,
  kittenSvg,
  parseAvatar,
  parseKittenOptions,
  resolveKitten,
  serializeAvatar,
} from "./kitten.js";
import { pngSize, svgToPng } from "./png.js";
import { KittenPage, type KeepTarget } from "./kittens.views.js";
import { ofName } from "../../i18n/index.js";
import { inTransaction } from "../../db/adapter.js";

const SYLLABLES = ["mi", "nou", "pa", "to", "li", "ka", "ro", "zu", "fe", "bi", "ga", "lo", "chat", "ton"];

function randomSeeds(count: number): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: 2 + randomInt(2) }, () => SYLLABLES[randomInt(SYLLABLES.length)] ?? "mi").join(""),
  );
}

const etagOf = (body: string | Uint8Array) =>
  `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`;

/** Sends an image with an ETag; `download` asks the browser to save it under a readable name. */
function sendImage(
  c: AppContext,
  body: string | Uint8Array,
  type: "svg" | "png",
  name: string,
  maxAge: number,
) {
  const etag = etagOf(body);
  c.header("ETag", etag);
  c.header("Cache-Control", `public, max-age=${maxAge}`);
  c.header("Content-Type", type === "svg" ? "image/svg+xml; charset=utf-8" : "image/png");
  if (c.req.query("download"))
    c.header("Content-Disposition", `attachment; filename="${slugify(name) || "chaton"}.${type}"`);
  if (c.req.header("if-none-match") === etag) return c.body(null, 304);
  return c.body(typeof body === "string" ? body : new Uint8Array(body), 200);
}

async function seedImage(c: AppContext) {
  const match = /^(.+)\.(svg|png)$/.exec(c.req.param("file") ?? "");
  const ext = match?.[2];
  if (!match || (ext !== "svg" && ext !== "png")) throw new HttpError(404, "404");
  const seed = cleanSeed(match[1]);
  const options = resolveKitten(seed, parseKittenOptions(c.req.query()));
  const svg = kittenSvg(
    options,
    c.get("deps").config.collective.colours,
    c.get("t")("kittens.image.title", { seed }),
  );
  const body = ext === "svg" ? svg : await svgToPng(svg, pngSize(c.req.query("size")));
  return sendImage(c, body, ext, `chaton-${seed}`, 86_400);
}

async function memberImage(c: AppContext, ext: "svg" | "png") {
  const { db, config } = c.get("deps");
  const member = await findMemberBySlug(db, c.req.param("slug") ?? "");
  if (!member || member.archived_at) throw new HttpError(404, "404");
  const kept = parseAvatar(member.avatar);
  const seed = kept?.seed ?? member.slug;
  const options = kept?.options ?? resolveKitten(seed, {});
  const t = c.get("t");
  // Only listed members are named: a candidate's name is not public.
  const title =
    member.membership === "member"
      ? t("kittens.avatar.of", { name: member.name, name_of: ofName(t.locale, member.name) })
      : t("kittens.avatar.generic");
  const svg = kittenSvg(options, config.collective.colours, title);
  const body = ext === "svg" ? svg : await svgToPng(svg, pngSize(c.req.query("size")));
  // A versioned address (?v=) changes with the kept avatar, so it may be cached for long.
  return sendImage(c, body, ext, member.slug, c.req.query("v") ? 604_800 : 300);
}

/** Image routes: at the root (images are not localised) and under /fr, /en for convenience. */
export function kittenImageRoutes(app: Hono<AppEnv>): void {
  app.get("/kittens/:file{[^/]+\\.(?:svg|png)}", (c) => seedImage(c));
  app.get("/members/:slug/avatar.svg", (c) => memberImage(c, "svg"));
  app.get("/members/:slug/avatar.png", (c) => memberImage(c, "png"));
}

function keepTargets(c: AppContext): KeepTarget[] {
  const person = c.get("person");
  if (!person) return [];
  return person.memberships
    .filter((m) => m.role === "admin" || person.isPlatformAdmin)
    .map((m) => ({ id: m.memberId, slug: m.memberSlug, name: m.memberName }));
}

const KeepSchema = z.object({
  member: z.string().min(1).max(80),
  seed: optionalText(64),
  action: choice(["keep", "reset"]),
});

export function kittenPages(router: Hono<AppEnv>): void {
  kittenImageRoutes(router);

  router.get("/kittens", async (c) => {
    const { db } = c.get("deps");
    const query = c.req.query();
    const targets = keepTargets(c);
    let selected: string | undefined;
    let kept = null;
    const memberSlug = query.member;
    if (memberSlug) {
      const member = await findMemberBySlug(db, memberSlug);
      if (member && !member.archived_at && canAdminMember(c.get("person"), member.id)) {
        selected = member.slug;
        if (!targets.some((m) => m.id === member.id))
          targets.unshift({ id: member.id, slug: member.slug, name: member.name });
        kept = parseAvatar(member.avatar);
      }
    }
    const seed = cleanSeed(query.seed ?? kept?.seed ?? selected ?? randomSeeds(1)[0]);
    // A new starting name starts a new kitten: the old settings are dropped.
    const overrides = query.was !== undefined && query.was !== query.seed ? {} : parseKittenOptions(query);
    const options = kept && !query.seed ? kept.options : resolveKitten(seed, overrides);
    return render(
      c,
      <KittenPage
        c={c}
        seed={seed}
        options={options}
        targets={targets}
        selected={selected ?? targets[0]?.slug}
        others={randomSeeds(8)}
      />,
    );
  });

  router.post("/kittens/keep", async (c) => {
    requirePerson(c);
    const { db } = c.get("deps");
    const form = await parseForm(c, KeepSchema);
    if (!form.ok) throw new HttpError(400, "400");
    const member = await findMemberBySlug(db, form.data.member);
    if (!member || member.archived_at) throw new HttpError(404, "404");
    const person = requireMemberAdmin(c, member.id);
    const seed = cleanSeed(form.data.seed ?? member.slug);
    const avatar =
      form.data.action === "keep"
        ? serializeAvatar({ seed, options: resolveKitten(seed, parseKittenOptions(form.values)) })
        : null;
    await inTransaction(db, async (trx) => {
      await updateMemberFields(trx, member.id, { avatar });
      await audit(trx, {
        actor: { personId: person.id, memberId: member.id },
        action: avatar ? "member.avatar.keep" : "member.avatar.reset",
        subject: { type: "member", id: member.id },
        data: { avatar },
      });
    });
    invalidateDirectory();
    await flash(c, { kind: "success", text: avatar ? "kittens.keep.done" : "kittens.keep.reset.done" });
    return c.redirect(`${href(c, "/kittens")}?member=${encodeURIComponent(member.slug)}`, 303);
  });
}
