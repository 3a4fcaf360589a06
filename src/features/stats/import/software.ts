import { slugify } from "../../../db/ids.js";
import type { DB } from "../../../db/adapter.js";
import { ownedTables } from "../../../db/adapter.js";
import type { StatsTables } from "../stats.tables.js";

/**
 * Software → directory category, for services the import creates (a ChatonsInfos file names its
 * software, never a category). The shipped table below covers what members commonly run; admins
 * add or correct entries on /stats/import (table stats_software_categories), which win.
 */

const statsImportDb = ownedTables<Pick<StatsTables, "stats_software_categories">>();

export const SHIPPED_SOFTWARE: Readonly<Record<string, string>> = {
  etherpad: "pad",
  hedgedoc: "pad",
  codimd: "pad",
  cryptpad: "office-suite",
  collabora: "office-suite",
  onlyoffice: "office-suite",
  ethercalc: "spreadsheet",
  nextcloud: "document-storage",
  owncloud: "document-storage",
  seafile: "document-storage",
  "jitsi-meet": "video-conferencing",
  jitsi: "video-conferencing",
  bigbluebutton: "video-conferencing",
  galene: "video-conferencing",
  mumble: "video-conferencing",
  mastodon: "social-network",
  pleroma: "social-network",
  akkoma: "social-network",
  misskey: "social-network",
  gotosocial: "social-network",
  friendica: "social-network",
  diaspora: "social-network",
  pixelfed: "image-hosting",
  peertube: "video-publishing",
  funkwhale: "video-publishing",
  castopod: "video-publishing",
  synapse: "instant-messaging",
  element: "instant-messaging",
  prosody: "instant-messaging",
  ejabberd: "instant-messaging",
  mattermost: "instant-messaging",
  "rocket-chat": "instant-messaging",
  zulip: "instant-messaging",
  movim: "instant-messaging",
  discourse: "forum",
  flarum: "forum",
  nodebb: "forum",
  sympa: "mailing-list",
  mailman: "mailing-list",
  listmonk: "mailing-list",
  roundcube: "email",
  sogo: "email",
  snappymail: "email",
  rainloop: "email",
  postfix: "email",
  searxng: "search-engine",
  searx: "search-engine",
  umap: "mapping",
  gitea: "forge",
  forgejo: "forge",
  gitlab: "forge",
  yourls: "url-shortener",
  lstu: "url-shortener",
  polr: "url-shortener",
  shlink: "url-shortener",
  framadate: "poll",
  opensondage: "poll",
  rallly: "poll",
  shaarli: "bookmarks",
  linkding: "bookmarks",
  wallabag: "bookmarks",
  vaultwarden: "password-manager",
  bitwarden: "password-manager",
  passbolt: "password-manager",
  freshrss: "rss-reader",
  "tiny-tiny-rss": "rss-reader",
  miniflux: "rss-reader",
  lufi: "file-sharing",
  jirafeau: "file-sharing",
  psitransfer: "file-sharing",
  plik: "file-sharing",
  privatebin: "pastebin",
  zerobin: "pastebin",
  lutim: "image-hosting",
  chevereto: "image-hosting",
  piwigo: "photo-gallery",
  lychee: "photo-gallery",
  photoprism: "photo-gallery",
  wordpress: "website-hosting",
  grav: "website-hosting",
  writefreely: "website-hosting",
  plume: "website-hosting",
  ghost: "website-hosting",
  dotclear: "website-hosting",
  kanboard: "task-manager",
  wekan: "task-manager",
  vikunja: "task-manager",
  taiga: "project-management",
  openproject: "project-management",
  redmine: "project-management",
  limesurvey: "form",
  framaforms: "form",
  yakforms: "form",
  wisemapping: "mind-map",
  framindmap: "mind-map",
  turtl: "notes",
  joplin: "notes",
  excalidraw: "whiteboard",
  wbo: "whiteboard",
  drawio: "diagram",
  "diagrams-net": "diagram",
  radicale: "calendar",
  baikal: "calendar",
};

export const softwareKey = (name: string) => slugify(name);

/** The platform's own entries, by software key. */
export async function platformSoftwareTable(db: DB) {
  return statsImportDb(db)
    .selectFrom("stats_software_categories")
    .selectAll()
    .orderBy("software_key")
    .execute();
}

/** Shipped entries overridden by the platform's; each with where it comes from. */
export async function softwareTable(db: DB): Promise<Map<string, { category: string; edited: boolean }>> {
  const out = new Map<string, { category: string; edited: boolean }>();
  for (const [key, category] of Object.entries(SHIPPED_SOFTWARE)) out.set(key, { category, edited: false });
  for (const row of await platformSoftwareTable(db))
    out.set(row.software_key, { category: row.category_id, edited: true });
  return out;
}

/** "Etherpad Lite" → pad: the whole name first, then its first word ("jitsi" for "Jitsi Meet"). */
export function categoryOf(
  table: Map<string, { category: string }>,
  name: string | null,
): string | undefined {
  if (!name) return undefined;
  const key = softwareKey(name);
  return table.get(key)?.category ?? table.get(key.split("-")[0] ?? "")?.category;
}

export async function setSoftwareCategory(
  db: DB,
  entry: { name: string; categoryId: string; personId: string | null; at: string },
): Promise<void> {
  const key = softwareKey(entry.name);
  await statsImportDb(db)
    .insertInto("stats_software_categories")
    .values({
      software_key: key,
      software_name: entry.name.slice(0, 120),
      category_id: entry.categoryId,
      updated_at: entry.at,
      updated_by: entry.personId,
    })
    .onConflict((oc) =>
      oc.column("software_key").doUpdateSet({
        software_name: entry.name.slice(0, 120),
        category_id: entry.categoryId,
        updated_at: entry.at,
        updated_by: entry.personId,
      }),
    )
    .execute();
}
