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

const versions = new Map<string, string>();

/** The version of a kept avatar, remembered: lists show the same few hundred avatars again and again. */
function version(avatar: string): string {
  let v = versions.get(avatar);
  if (v === undefined) {
    if (versions.size > 5_000) versions.clear();
    v = hashString(avatar).toString(36);
    versions.set(avatar, v);
  }
  return v;
}

export function avatarPath(member: AvatarMember): string {
  const path = `/members/${encodeURIComponent(member.slug)}/avatar.svg`;
  return member.avatar ? `${path}?v=${version(member.avatar)}` : path;
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
