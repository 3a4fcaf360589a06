import type { Hono } from "hono";
import { z } from "zod";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { longText, parseForm, text } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { requirePlatformAdmin } from "../../../http/policy.js";
import { HttpError } from "../../../http/errors.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { CACHE_HEADER } from "../../../http/page-cache.js";
import { nowIso } from "../../../db/ids.js";
import * as repo from "./news.repository.js";
import { newsAtom } from "./atom.js";
import { defaultLang, langField, langOr } from "../written.js";
import { NewsFormPage, NewsItemPage, NewsPage, renderBodies } from "./news.views.js";

export const PAGE_SIZE = 20;

const NewsSchema = z.object({
  title: text(200),
  body: longText(50_000).refine((v) => v.length > 0, "form.error.required"),
  lang: langField(),
});

async function loadItem(c: AppContext) {
  const item = await repo.findNews(c.get("deps").db, c.req.param("id") ?? "");
  if (!item) throw new HttpError(404, "404");
  return item;
}

export function newsPages(router: Hono<AppEnv>): void {
  router.get("/news", async (c) => {
    const { db } = c.get("deps");
    const page = Math.max(1, Math.min(1000, Number(c.req.query("page")) || 1));
    const [items, total] = await Promise.all([
      repo.listNews(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      repo.countNews(db),
    ]);
    c.header(CACHE_HEADER, "60");
    return render(
      c,
      <NewsPage
        c={c}
        items={items}
        bodies={await renderBodies(items)}
        page={page}
        pages={Math.max(1, Math.ceil(total / PAGE_SIZE))}
      />,
    );
  });

  router.get("/news.atom", async (c) => {
    const { db, config, now } = c.get("deps");
    const items = await repo.listNews(db, { limit: 30 });
    const xml = await newsAtom(items, {
      t: c.get("t"),
      locale: c.get("locale"),
      baseUrl: config.baseUrl,
      collective: config.collective.name,
      now: now(),
    });
    c.header(CACHE_HEADER, "300");
    c.header("content-type", "application/atom+xml; charset=utf-8");
    return c.body(xml);
  });

  router.get("/news/new", (c) => {
    requirePlatformAdmin(c);
    return render(c, <NewsFormPage c={c} values={defaultLang(c)} />);
  });

  router.post("/news", async (c) => {
    const admin = requirePlatformAdmin(c);
    const form = await parseForm(c, NewsSchema);
    if (!form.ok) return render(c, <NewsFormPage c={c} values={form.values} errors={form.errors} />, 422);
    const post = { ...form.data, lang: langOr(c, form.data.lang), by: admin.id };
    return commitAndRedirect(c, {
      write: (trx) => repo.insertPost(trx, post, nowIso()),
      audit: (id) => ({
        actor: { personId: admin.id },
        action: "news.publish",
        subject: { type: "news", id },
      }),
      flash: "news.published",
      to: (id) => href(c, `/news/${id}`),
    });
  });

  router.get("/news/:id", async (c) => {
    const item = await loadItem(c);
    return render(c, <NewsItemPage c={c} item={item} bodies={await renderBodies([item])} />);
  });

  router.get("/news/:id/edit", async (c) => {
    requirePlatformAdmin(c);
    const item = await loadItem(c);
    if (item.kind !== "post") throw new HttpError(404, "404");
    return render(
      c,
      <NewsFormPage c={c} item={item} values={{ title: item.title, body: item.body, lang: item.lang }} />,
    );
  });

  router.post("/news/:id", async (c) => {
    const admin = requirePlatformAdmin(c);
    const item = await loadItem(c);
    if (item.kind !== "post") throw new HttpError(409, "400");
    const form = await parseForm(c, NewsSchema);
    if (!form.ok)
      return render(c, <NewsFormPage c={c} item={item} values={form.values} errors={form.errors} />, 422);
    return commitAndRedirect(c, {
      write: (trx) =>
        repo.updatePost(trx, item.id, { ...form.data, lang: langOr(c, form.data.lang, item.lang) }, nowIso()),
      audit: { actor: { personId: admin.id }, action: "news.update", subject: { type: "news", id: item.id } },
      flash: "news.saved",
      to: href(c, `/news/${item.id}`),
    });
  });

  router.post("/news/:id/delete", async (c) => {
    const admin = requirePlatformAdmin(c);
    const item = await loadItem(c);
    return commitAndRedirect(c, {
      write: (trx) => repo.deleteNews(trx, item.id),
      audit: { actor: { personId: admin.id }, action: "news.delete", subject: { type: "news", id: item.id } },
      flash: "news.deleted",
      to: href(c, "/news"),
    });
  });
}
