import { hashString } from "./kitten.js";

/**
 * How other pages show a member's avatar: an <img> pointing at /members/<slug>/avatar.svg. The
 * address changes with the kept avatar (?v=…) so browsers can cache it for long. Logos published
 * by members are not shown here: loading them would make visitors' browsers call a third party.
 */
export interface AvatarMember {
  slug: string;
  avatar: string | null;
}

export function avatarPath(member: AvatarMember): string {
  const path = `/members/${encodeURIComponent(member.slug)}/avatar.svg`;
  return member.avatar ? `${path}?v=${hashString(member.avatar).toString(36)}` : path;
}

export function MemberAvatar({ member, size = 48 }: { member: AvatarMember; size?: number }) {
  return (
    <img
      class="avatar"
      src={avatarPath(member)}
      alt=""
      width={String(size)}
      height={String(size)}
      loading="lazy"
    />
  );
}
