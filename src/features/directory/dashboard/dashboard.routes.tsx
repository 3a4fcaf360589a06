import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { AppContext, AppEnv, CurrentPerson } from "../../../http/context.js";
import type { MembershipRole } from "../../../identity/identity.tables.js";
import { href } from "../../../http/context.js";
import { parseForm, type FieldErrors, type FormValues } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { flash } from "../../../http/session.js";
import { requirePerson } from "../../../http/policy.js";
import { audit } from "../../../audit/audit.js";
import { Layout } from "../../../views/Layout.js";
import { Csrf } from "../../../views/components.js";
import * as repo from "../directory.repository.js";
import * as people from "../members/people.repository.js";
import { findLogoRef } from "../logos/logos.repository.js";
import { canEditMember, requireMemberEditor, requireMemberPerson } from "../directory.policy.js";
import { InviteSchema } from "../directory.schema.js";
import { enumLabel } from "../labels.js";
import { loadMember } from "../members/member-edit.routes.js";
import { DashboardHome, HistoryPage, MemberDashboard } from "./dashboard.views.js";
import { addMembership, peopleOfMember } from "../../../identity/identity.repository.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { inTransaction } from "../../../db/adapter.js";

async function dashboardPanels(c: AppContext, member: repo.MemberRow): Promise<Child[]> {
  const out: Child[] = [];
  for (const feature of c.get("features")) {
    if (!feature.dashboardPanel) continue;
    const panel = await feature.dashboardPanel(c, { id: member.id, slug: member.slug, name: member.name });
    if (panel !== null) out.push(panel);
  }
  return out;
}

async function renderDashboard(
  c: AppContext,
  member: repo.MemberRow,
  form?: { values: FormValues; errors: FieldErrors },
) {
  const { db, now } = c.get("deps");
  const canEdit = canEditMember(c.get("person"), member);
  return render(
    c,
    <MemberDashboard
      c={c}
      member={member}
      logo={await findLogoRef(db, member.id)}
      services={await repo.listServicesOfMember(db, member.id, { includeArchived: true })}
      people={await peopleOfMember(db, member.id, { includeDisabled: true })}
      invitations={canEdit ? await people.listPendingInvitations(db, member.id, now()) : []}
      canEdit={canEdit}
      panels={await dashboardPanels(c, member)}
      values={form?.values}
      errors={form?.errors}
    />,
    form ? 422 : 200,
  );
}

function InvitationPage({
  c,
  token,
  invitation,
}: {
  c: AppContext;
  token: string;
  invitation: Awaited<ReturnType<typeof people.findInvitation>>;
}) {
  const t = c.get("t");
  const person = c.get("person");
  const title = invitation
    ? t("directory.invite.title", { member: invitation.member_name })
    : t("directory.invite.invalid");
  const action = href(c, `/dashboard/invitations/${token}`);
  return (
    <Layout c={c} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        {!invitation ? null : (
          <>
            <p>
              {t("directory.invite.intro", {
                member: invitation.member_name,
                role: enumLabel(t, "directory.role.", invitation.role),
              })}
            </p>
            {person ? (
              <form method="post" action={action}>
                <Csrf c={c} />
                <button type="submit" class="button">
                  {t("directory.invite.accept")}
                </button>
              </form>
            ) : (
              <p>
                {t("directory.invite.signin")}{" "}
                <a class="button" href={`${href(c, "/login")}?next=${encodeURIComponent(action)}`}>
                  {t("layout.signin")}
                </a>{" "}
                <a href={`${href(c, "/signup")}?next=${encodeURIComponent(action)}`}>{t("login.signup")}</a>
              </p>
            )}
          </>
        )}
      </div>
    </Layout>
  );
}

/** The invitation e-mail: who invites, to which structure, with what role, and the link. */
async function sendInvitation(
  c: AppContext,
  member: repo.MemberRow,
  person: CurrentPerson,
  invite: { email: string; role: MembershipRole },
  token: string,
): Promise<void> {
  const { mailer, config } = c.get("deps");
  const t = c.get("t");
  const vars = {
    member: member.name,
    collective: config.collective.name,
    inviter: person.name,
    role: enumLabel(t, "directory.role.", invite.role),
  };
  const link = `${config.baseUrl}${href(c, `/dashboard/invitations/${token}`)}`;
  await mailer.send({
    to: invite.email,
    subject: t("directory.invite.mail.subject", vars),
    text: t("directory.invite.mail.body", { ...vars, link }),
    kind: "member-invitation",
  });
}

export function dashboardPages(router: Hono<AppEnv>): void {
  router.get("/dashboard", (c) => render(c, <DashboardHome c={c} person={requirePerson(c)} />));

  router.get("/dashboard/invitations/:token", async (c) => {
    const token = c.req.param("token");
    const invitation = await people.findInvitation(c.get("deps").db, token, c.get("deps").now());
    return render(c, <InvitationPage c={c} token={token} invitation={invitation} />, invitation ? 200 : 410);
  });

  router.post("/dashboard/invitations/:token", async (c) => {
    const person = requirePerson(c);
    const { db, now } = c.get("deps");
    const token = c.req.param("token");
    const invitation = await people.findInvitation(db, token, now());
    if (!invitation) return render(c, <InvitationPage c={c} token={token} invitation={undefined} />, 410);
    const joined = await inTransaction(db, async (trx) => {
      if (!(await people.consumeInvitation(trx, invitation.id, person.id, now()))) return false;
      await addMembership(trx, {
        personId: person.id,
        memberId: invitation.member_id,
        role: invitation.role,
      });
      await audit(trx, {
        actor: { personId: person.id, memberId: invitation.member_id },
        action: "member.join",
        subject: { type: "member", id: invitation.member_id },
        data: { role: invitation.role, invitation: invitation.id },
      });
      return true;
    });
    if (!joined) return render(c, <InvitationPage c={c} token={token} invitation={undefined} />, 410);
    await flash(c, {
      kind: "success",
      text: c.get("t")("directory.invite.accepted", { member: invitation.member_name }),
    });
    return c.redirect(href(c, `/dashboard/${invitation.member_slug}`), 303);
  });

  router.get("/dashboard/:slug", async (c) => {
    const member = await loadMember(c);
    requireMemberPerson(c, member);
    return renderDashboard(c, member);
  });

  router.post("/dashboard/:slug/invitations", async (c) => {
    const member = await loadMember(c);
    const person = requireMemberEditor(c, member);
    const { db, now } = c.get("deps");
    const form = await parseForm(c, InviteSchema);
    if (!form.ok) return renderDashboard(c, member, form);
    if (
      (await people.countRecentInvitations(db, member.id, new Date(now().getTime() - 86_400_000))) >=
      people.INVITATIONS_PER_DAY
    )
      return renderDashboard(c, member, {
        values: form.values,
        errors: { email: { key: "directory.error.invitations" } },
      });
    return commitAndRedirect(c, {
      write: (trx) =>
        people.createInvitation(
          trx,
          { memberId: member.id, email: form.data.email, role: form.data.role, invitedBy: person.id },
          now(),
        ),
      audit: {
        actor: { personId: person.id, memberId: member.id },
        action: "member.invite",
        subject: { type: "member", id: member.id },
        data: { role: form.data.role },
      },
      after: (token) => sendInvitation(c, member, person, form.data, token),
      flash: {
        kind: "success",
        text: c.get("t")("directory.dashboard.invite.sent", { email: form.data.email }),
      },
      to: href(c, `/dashboard/${member.slug}`),
    });
  });

  router.get("/dashboard/:slug/history", async (c) => {
    const member = await loadMember(c);
    requireMemberPerson(c, member);
    const { db } = c.get("deps");
    const services = await repo.listServicesOfMember(db, member.id, { includeArchived: true });
    const entries = await people.memberHistory(db, member.id);
    return render(
      c,
      <HistoryPage
        c={c}
        member={member}
        entries={entries}
        serviceNames={new Map(services.map((s) => [s.id, s.name]))}
      />,
    );
  });
}
