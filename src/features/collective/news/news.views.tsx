import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import {
  Csrf,
  ErrorSummary,
  FormFields,
  Pagination,
  TextArea,
  TextField,
} from "../../../views/components.js";
import { Markdown, toSafeHtml, type SafeHtml } from "../markdown.js";
import type { NewsItem } from "./news.repository.js";
import { present } from "./present.js";
import { LangField } from "../written.js";

/** Written items' bodies, rendered by the route before the page (the renderer is asynchronous). */
export type Bodies = Map<string, SafeHtml>;

export async function renderBodies(items: NewsItem[]): Promise<Bodies> {
  const out: Bodies = new Map();
  for (const item of items) if (item.kind === "post") out.set(item.id, await toSafeHtml(item.body));
  return out;
}

function Body({ c, item, bodies }: { c: AppContext; item: NewsItem; bodies: Bodies }) {
  const shown = present(c.get("t"), c.get("locale"), item);
  const html = bodies.get(item.id);
  if (html) return <Markdown html={html} lang={item.lang} />;
  return (
    <p>
      {shown.text} {shown.link ? <a href={href(c, shown.link.path)}>{shown.link.label}</a> : null}
    </p>
  );
}

/** Written items are in their author's language; automatic ones are worded in the reader's. */
const langOf = (item: NewsItem) => (item.kind === "post" ? item.lang : undefined);

/** The latest items, for the home page and the news page's head. */
export function NewsList({ c, items }: { c: AppContext; items: NewsItem[] }) {
  const t = c.get("t");
  return (
    <ul class="plain-list">
      {items.map((item) => (
        <li>
          <a href={href(c, `/news/${item.id}`)} lang={langOf(item)}>
            {present(t, c.get("locale"), item).title}
          </a>{" "}
          <span class="muted">— {t.date(item.publishedAt)}</span>
        </li>
      ))}
    </ul>
  );
}

export function NewsPage(props: {
  c: AppContext;
  items: NewsItem[];
  bodies: Bodies;
  page: number;
  pages: number;
}) {
  const { c, items, page, pages } = props;
  const t = c.get("t");
  return (
    <Layout c={c} title={t("news.title")}>
      <h1>{t("news.title")}</h1>
      <p class="lead">
        {t("news.intro")} <a href={href(c, "/news.atom")}>{t("news.feed")}</a>
      </p>
      {c.get("person")?.isPlatformAdmin ? (
        <p>
          <a class="button button--small" href={href(c, "/news/new")}>
            {t("news.new")}
          </a>
        </p>
      ) : null}
      {items.length === 0 ? <p>{t("news.none")}</p> : null}
      {items.map((item) => (
        <article class="card">
          <h2>
            <a href={href(c, `/news/${item.id}`)} lang={langOf(item)}>
              {present(t, c.get("locale"), item).title}
            </a>
          </h2>
          <p class="muted">{t.date(item.publishedAt)}</p>
          <Body c={c} item={item} bodies={props.bodies} />
        </article>
      ))}
      <Pagination c={c} page={page} pages={pages} link={(p) => `${href(c, "/news")}?page=${p}`} />
    </Layout>
  );
}

export function NewsItemPage({ c, item, bodies }: { c: AppContext; item: NewsItem; bodies: Bodies }) {
  const t = c.get("t");
  const shown = present(t, c.get("locale"), item);
  const admin = c.get("person")?.isPlatformAdmin;
  return (
    <Layout c={c} title={shown.title}>
      <p>
        <a href={href(c, "/news")}>{t("news.back")}</a>
      </p>
      <article>
        <h1 lang={langOf(item)}>{shown.title}</h1>
        <p class="muted">{t.date(item.publishedAt)}</p>
        <Body c={c} item={item} bodies={bodies} />
      </article>
      {admin ? (
        <div>
          {item.kind === "post" ? <a href={href(c, `/news/${item.id}/edit`)}>{t("news.edit")}</a> : null}{" "}
          <form method="post" action={href(c, `/news/${item.id}/delete`)} class="inline-form">
            <Csrf c={c} />
            <button type="submit" class="link-button">
              {t("news.delete")}
            </button>
          </form>
        </div>
      ) : null}
    </Layout>
  );
}

export function NewsFormPage(props: {
  c: AppContext;
  item?: NewsItem;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { c, item } = props;
  const t = c.get("t");
  const title = item ? t("news.edit") : t("news.new");
  return (
    <Layout c={c} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <ErrorSummary c={c} errors={props.errors} />
        <form method="post" action={href(c, item ? `/news/${item.id}` : "/news")} novalidate>
          <Csrf c={c} />
          <FormFields c={c} values={props.values} errors={props.errors}>
            <TextField name="title" label={t("news.field.title")} required maxlength={200} />
            <TextArea
              name="body"
              label={t("news.field.body")}
              hint={t("news.field.body.hint")}
              required
              rows={14}
            />
            <LangField c={c} />
          </FormFields>
          <button type="submit" class="button">
            {item ? t("form.save") : t("news.publish")}
          </button>
        </form>
      </div>
    </Layout>
  );
}
