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
import { Markdown } from "../markdown.js";
import type { NewsItem } from "./news.repository.js";
import { present } from "./present.js";

function Body({ c, item }: { c: AppContext; item: NewsItem }) {
  const shown = present(c.get("t"), c.get("locale"), item);
  if (shown.markdown !== null) return <Markdown source={shown.markdown} />;
  return (
    <p>
      {shown.text} {shown.link ? <a href={href(c, shown.link.path)}>{shown.link.label}</a> : null}
    </p>
  );
}

/** The latest items, for the home page and the news page's head. */
export function NewsList({ c, items }: { c: AppContext; items: NewsItem[] }) {
  const t = c.get("t");
  return (
    <ul class="plain-list">
      {items.map((item) => (
        <li>
          <a href={href(c, `/news/${item.id}`)}>{present(t, c.get("locale"), item).title}</a>{" "}
          <span class="muted">— {t.date(item.publishedAt)}</span>
        </li>
      ))}
    </ul>
  );
}

export function NewsPage({
  c,
  items,
  page,
  pages,
}: {
  c: AppContext;
  items: NewsItem[];
  page: number;
  pages: number;
}) {
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
            <a href={href(c, `/news/${item.id}`)}>{present(t, c.get("locale"), item).title}</a>
          </h2>
          <p class="muted">{t.date(item.publishedAt)}</p>
          <Body c={c} item={item} />
        </article>
      ))}
      <Pagination c={c} page={page} pages={pages} link={(p) => `${href(c, "/news")}?page=${p}`} />
    </Layout>
  );
}

export function NewsItemPage({ c, item }: { c: AppContext; item: NewsItem }) {
  const t = c.get("t");
  const shown = present(t, c.get("locale"), item);
  const admin = c.get("person")?.isPlatformAdmin;
  return (
    <Layout c={c} title={shown.title}>
      <p>
        <a href={href(c, "/news")}>{t("news.back")}</a>
      </p>
      <article>
        <h1>{shown.title}</h1>
        <p class="muted">{t.date(item.publishedAt)}</p>
        <Body c={c} item={item} />
      </article>
      {admin ? (
        <p>
          {item.kind === "post" ? <a href={href(c, `/news/${item.id}/edit`)}>{t("news.edit")}</a> : null}{" "}
          <form method="post" action={href(c, `/news/${item.id}/delete`)} class="inline-form">
            <Csrf c={c} />
            <button type="submit" class="link-button">
              {t("news.delete")}
            </button>
          </form>
        </p>
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
          </FormFields>
          <button type="submit" class="button">
            {item ? t("form.save") : t("news.publish")}
          </button>
        </form>
      </div>
    </Layout>
  );
}
