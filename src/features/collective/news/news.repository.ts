import type { DB } from "../../../db/adapter.js";
import { toCount } from "../../../db/adapter.js";
import { newId } from "../../../db/ids.js";
import type { Locale } from "../../../i18n/index.js";
import { collectiveDb, type NewsKind } from "../collective.tables.js";
import { toLang } from "../written.js";

export interface NewsItem {
  id: string;
  kind: NewsKind;
  title: string;
  body: string;
  data: Record<string, string>;
  publishedAt: string;
  createdBy: string | null;
  /** The language a written item is in. */
  lang: Locale;
}

function parseData(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as const] : [])),
    );
  } catch {
    return {};
  }
}

function items(db: DB) {
  return collectiveDb(db)
    .selectFrom("news_items")
    .select(["id", "kind", "title", "body", "data", "published_at", "created_by", "lang"]);
}

type Row = Awaited<ReturnType<ReturnType<typeof items>["executeTakeFirstOrThrow"]>>;

const toItem = (r: Row): NewsItem => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  data: parseData(r.data),
  publishedAt: r.published_at,
  createdBy: r.created_by,
  lang: toLang(r.lang),
});

export async function listNews(db: DB, options: { limit: number; offset?: number }): Promise<NewsItem[]> {
  const rows = await items(db)
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map(toItem);
}

export async function countNews(db: DB): Promise<number> {
  const row = await collectiveDb(db)
    .selectFrom("news_items")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return toCount(row?.n);
}

export async function findNews(db: DB, id: string): Promise<NewsItem | undefined> {
  const row = await items(db).where("id", "=", id).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

export async function insertPost(
  db: DB,
  post: { title: string; body: string; lang: Locale; by: string | null },
  at: string,
): Promise<string> {
  const id = newId();
  await collectiveDb(db)
    .insertInto("news_items")
    .values({
      id,
      kind: "post",
      title: post.title,
      body: post.body,
      data: "{}",
      source_key: null,
      published_at: at,
      created_by: post.by,
      updated_at: at,
      lang: post.lang,
    })
    .execute();
  return id;
}

export async function updatePost(
  db: DB,
  id: string,
  post: { title: string; body: string; lang: Locale },
  at: string,
) {
  await collectiveDb(db)
    .updateTable("news_items")
    .set({ title: post.title, body: post.body, lang: post.lang, updated_at: at })
    .where("id", "=", id)
    .execute();
}

export async function deleteNews(db: DB, id: string): Promise<void> {
  await collectiveDb(db).deleteFrom("news_items").where("id", "=", id).execute();
}

/** An item made from an audit entry; nothing happens if that entry already made one. */
export async function insertAutomatic(
  db: DB,
  item: { kind: Exclude<NewsKind, "post">; sourceKey: string; data: Record<string, string>; at: string },
): Promise<boolean> {
  const result = await collectiveDb(db)
    .insertInto("news_items")
    .values({
      id: newId(),
      kind: item.kind,
      title: "",
      body: "",
      data: JSON.stringify(item.data),
      source_key: item.sourceKey,
      published_at: item.at,
      created_by: null,
      updated_at: item.at,
      // Worded from the catalogue in the reader's language: this column is not read for them.
      lang: "fr",
    })
    .onConflict((oc) => oc.column("source_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function cursorOf(db: DB, name: string): Promise<string | undefined> {
  const row = await collectiveDb(db)
    .selectFrom("news_cursors")
    .select("last_at")
    .where("name", "=", name)
    .executeTakeFirst();
  return row?.last_at;
}

export async function setCursor(db: DB, name: string, lastAt: string, at: string): Promise<void> {
  await collectiveDb(db)
    .insertInto("news_cursors")
    .values({ name, last_at: lastAt, updated_at: at })
    .onConflict((oc) => oc.column("name").doUpdateSet({ last_at: lastAt, updated_at: at }))
    .execute();
}

/** The items a person wrote, for their data export. */
export async function newsExport(db: DB, personId: string) {
  const rows = await items(db).where("created_by", "=", personId).orderBy("published_at").execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    lang: r.lang,
    publishedAt: r.published_at,
  }));
}
