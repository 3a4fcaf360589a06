import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { ofName, type MessageKey } from "../../../i18n/index.js";
import type { PanelMember } from "../../feature.js";
import { MemberAvatar } from "../../kittens/avatar.js";
import { canEditMember } from "../directory.policy.js";
import { findMemberById } from "../directory.repository.js";
import { findLogo, logoRef, type LogoRef } from "./logos.repository.js";
import { fitIn, isLogoRefusal, logoPath, type LogoRefusal } from "./logos.js";

export const REFUSAL_MESSAGES: Record<LogoRefusal, MessageKey> = {
  svg: "directory.logo.reason.svg",
  "not-an-image": "directory.logo.reason.not-an-image",
  "type-mismatch": "directory.logo.reason.type-mismatch",
  "too-large": "directory.logo.reason.too-large",
  dimensions: "directory.logo.reason.dimensions",
  empty: "directory.logo.reason.empty",
  "http-error": "directory.logo.reason.http-error",
  unreachable: "directory.logo.reason.unreachable",
  "blocked-address": "directory.logo.reason.blocked-address",
  timeout: "directory.logo.reason.timeout",
};

export interface PictureMember {
  slug: string;
  name: string;
  avatar: string | null;
  logo: LogoRef | null;
}

/**
 * A member's picture wherever the platform shows a member: its logo when one was fetched (always
 * from the platform's own address), its kitten otherwise.
 */
export function MemberPicture({ c, member, size }: { c: AppContext; member: PictureMember; size: number }) {
  if (!member.logo) return <MemberAvatar member={member} size={size} />;
  const { width, height } = fitIn(member.logo, size);
  return (
    <img
      class="member-logo"
      src={logoPath(member.slug, member.logo.hash)}
      alt={c.get("t")("directory.logo.alt", {
        name: member.name,
        name_of: ofName(c.get("locale"), member.name),
      })}
      width={String(width)}
      height={String(height)}
      loading="lazy"
    />
  );
}

/** The structure's dashboard: where its logo comes from, and why the last fetch failed if it did. */
export async function logoPanel(c: AppContext, panel: PanelMember) {
  const { db } = c.get("deps");
  const member = await findMemberById(db, panel.id);
  if (!member || !canEditMember(c.get("person"), member)) return null;
  const t = c.get("t");
  const row = await findLogo(db, member.id);
  const ref = row ? logoRef(row) : null;
  const error = row?.error ?? null;
  return (
    <section class="logo-panel" aria-labelledby="logo-panel-title">
      <h2 id="logo-panel-title">{t("directory.logo.panel.title")}</h2>
      {!member.logo_url ? (
        <p>
          {t("directory.logo.panel.none")}{" "}
          <a href={href(c, `/members/${member.slug}/edit`)}>{t("directory.member.edit")}</a>
        </p>
      ) : null}
      {row?.fetched_at && row.source_url ? (
        <p>{t("directory.logo.panel.stored", { date: t.date(row.fetched_at), url: row.source_url })}</p>
      ) : null}
      {member.logo_url && !row ? <p>{t("directory.logo.panel.pending")}</p> : null}
      {row && isLogoRefusal(error) ? (
        <p class="flash flash--error">
          {t("directory.logo.panel.failed", {
            date: t.date(row.checked_at),
            url: row.tried_url,
            reason: t(REFUSAL_MESSAGES[error]),
          })}{" "}
          {ref ? t("directory.logo.panel.kept") : t("directory.logo.panel.kitten")}
        </p>
      ) : null}
      {member.logo_url ? <p class="muted">{t("directory.logo.panel.refresh")}</p> : null}
    </section>
  );
}
