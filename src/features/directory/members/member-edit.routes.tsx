import type { Hono } from "hono";
import type { AppContext, AppEnv, CurrentPerson } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm, validate, type FieldErrors } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { requirePerson, requirePlatformAdmin } from "../../../http/policy.js";
import { HttpError } from "../../../http/errors.js";
import { nowIso } from "../../../db/ids.js";
import * as repo from "../directory.repository.js";
import { addMembership } from "../../../identity/identity.repository.js";
import { requireMemberEditor } from "../directory.policy.js";
import {
  MemberAdminSchema,
  MemberSchema,
  NewMemberSchema,
  RESERVED_SLUGS,
  slugFor,
} from "../directory.schema.js";
import { changedFields, memberFieldsFromForm } from "./directory.fields.js";
import { invalidateDirectory } from "../finder/snapshot.js";
import { fetchLogoAfterSave } from "../logos/logos.routes.js";
import { EditMemberPage, memberValues, NewMemberPage } from "./member-form.views.js";
import { locateMember } from "./member-place.js";
import type { FlashMessage } from "../../../http/context.js";

/** The flash after a save: done, or done but the city was not found on the map. */
function placeFlash(c: AppContext, unknownCity: string | null, done: FlashMessage): FlashMessage {
  return unknownCity
    ? { kind: "info", text: c.get("t")("directory.form.place.unknown", { city: unknownCity }) }
    : done;
}

export async function loadMember(c: AppContext): Promise<repo.MemberRow> {
  const member = await repo.findMemberBySlug(c.get("deps").db, c.req.param("slug") ?? "");
  if (!member) throw new HttpError(404, "404");
  return member;
}

/** A slug that is free, or the error to show on the slug field. */
async function checkSlug(c: AppContext, slug: string, exceptId?: string): Promise<FieldErrors | null> {
  if (RESERVED_SLUGS.includes(slug)) return { slug: { key: "directory.error.slug_reserved" } };
  if (await repo.slugTaken(c.get("deps").db, slug, exceptId))
    return { slug: { key: "directory.error.slug_taken" } };
  return null;
}

async function parseMemberForm(c: AppContext, person: CurrentPerson) {
  const form = await parseForm(c, MemberSchema);
  if (!person.isPlatformAdmin) return { form, admin: null };
  const admin = validate(MemberAdminSchema, form.values);
  if (!admin.ok)
    return {
      form: {
        ok: false as const,
        values: form.values,
        errors: { ...(form.ok ? {} : form.errors), ...admin.errors },
      },
      admin: null,
    };
  return { form, admin: admin.data };
}

export function memberEditPages(router: Hono<AppEnv>): void {
  router.get("/members/new", (c) => {
    requirePerson(c);
    return render(c, <NewMemberPage c={c} values={{ type: "association", country_code: "FR" }} />);
  });

  router.post("/members/new", async (c) => {
    const person = requirePerson(c);
    const form = await parseForm(c, NewMemberSchema);
    if (!form.ok) return render(c, <NewMemberPage c={c} values={form.values} errors={form.errors} />, 422);
    const slug = slugFor(form.data.slug, form.data.name);
    const slugError = await checkSlug(c, slug);
    if (slugError)
      return render(c, <NewMemberPage c={c} values={{ ...form.values, slug }} errors={slugError} />, 422);
    const { slug: _slug, ...fields } = form.data;
    const { unknownCity, ...place } = locateMember(fields);
    return commitAndRedirect(c, {
      write: async (trx) => {
        const id = await repo.createMember(trx, {
          ...fields,
          ...place,
          slug,
          membership: "candidate",
          description_en: "",
          chatonsinfos_source_of_truth: 0,
          status: "active",
          social_links: "{}",
          funding_links: "{}",
        });
        await addMembership(trx, { personId: person.id, memberId: id, role: "admin" });
        return id;
      },
      audit: (id) => ({
        actor: { personId: person.id, memberId: id },
        action: "member.create",
        subject: { type: "member", id },
        data: { slug, name: fields.name },
      }),
      after: invalidateDirectory,
      flash: placeFlash(c, unknownCity, { kind: "success", text: "directory.new.done" }),
      to: href(c, `/dashboard/${slug}`),
    });
  });

  router.get("/members/:slug/edit", async (c) => {
    const member = await loadMember(c);
    const person = requireMemberEditor(c, member);
    return render(
      c,
      <EditMemberPage
        c={c}
        member={member}
        values={memberValues(member)}
        isPlatformAdmin={person.isPlatformAdmin}
      />,
    );
  });

  router.post("/members/:slug/edit", async (c) => {
    const member = await loadMember(c);
    const person = requireMemberEditor(c, member);
    const { form, admin } = await parseMemberForm(c, person);
    const page = (errors: FieldErrors, values = form.values) =>
      render(
        c,
        <EditMemberPage
          c={c}
          member={member}
          values={values}
          errors={errors}
          isPlatformAdmin={person.isPlatformAdmin}
        />,
        422,
      );
    if (!form.ok) return page(form.errors);
    const slug = slugFor(form.data.slug, form.data.name);
    const slugError = slug === member.slug ? null : await checkSlug(c, slug, member.id);
    if (slugError) return page(slugError, { ...form.values, slug });
    const { unknownCity, ...place } = locateMember(form.data, member);
    const fields = { ...memberFieldsFromForm(form.data, slug), ...place, ...(admin ?? {}) };
    const changed = changedFields(member, fields);
    return commitAndRedirect(c, {
      write: (trx) => repo.updateMemberFields(trx, member.id, fields),
      audit: {
        actor: { personId: person.id, memberId: member.id },
        action: "member.update",
        subject: { type: "member", id: member.id },
        data: { fields: changed },
      },
      after: invalidateDirectory,
      flash: async () =>
        placeFlash(
          c,
          unknownCity,
          await fetchLogoAfterSave(c, member.id, fields.logo_url !== member.logo_url),
        ),
      to: href(c, `/members/${slug}`),
    });
  });

  for (const action of ["archive", "restore"] as const) {
    router.post(`/members/:slug/${action}`, async (c) => {
      const member = await loadMember(c);
      const person = requirePlatformAdmin(c);
      return commitAndRedirect(c, {
        write: (trx) =>
          repo.updateMemberFields(trx, member.id, { archived_at: action === "archive" ? nowIso() : null }),
        audit: {
          actor: { personId: person.id },
          action: `member.${action}`,
          subject: { type: "member", id: member.id },
        },
        after: invalidateDirectory,
        flash: action === "archive" ? "directory.edit.archive.done" : "directory.edit.restore.done",
        to: href(c, `/members/${member.slug}`),
      });
    });
  }
}
