import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import { Layout } from "../../views/Layout.js";
import type { CollectiveFigures } from "../directory/published.js";
import type { ContentPage, ContentSlug } from "./content.js";

/** "I want to leave: [___]": a plain GET form to the finder; the list of names needs no script. */
function LeaveForm({ c, names }: { c: AppContext; names: string[] }) {
  const t = c.get("t");
  return (
    <form
      method="get"
      action={href(c, "/services")}
      class="leave-form"
      role="search"
      aria-labelledby="leave-title"
    >
      <h2 id="leave-title" class="visually-hidden">
        {t("home.leave.title")}
      </h2>
      <div class="field">
        <label for="leave-q">{t("home.leave.label")}</label>
        <p class="field__hint" id="leave-q-hint">
          {t("home.leave.hint")}
        </p>
        <input
          id="leave-q"
          type="search"
          name="q"
          list="leave-names"
          maxlength={100}
          autocomplete="off"
          aria-describedby="leave-q-hint"
        />
        <datalist id="leave-names">
          {names.map((name) => (
            <option value={name} />
          ))}
        </datalist>
      </div>
      <div class="field">
        <label for="leave-near">{t("home.leave.near")}</label>
        <p class="field__hint" id="leave-near-hint">
          {t("home.leave.near.hint")}
        </p>
        <input
          id="leave-near"
          type="text"
          name="near"
          maxlength={100}
          autocomplete="address-level2"
          aria-describedby="leave-near-hint"
        />
      </div>
      <button type="submit" class="button">
        {t("home.leave.submit")}
      </button>
    </form>
  );
}

export function HomePage({
  c,
  figures,
  leave,
  panels,
}: {
  c: AppContext;
  figures: CollectiveFigures;
  leave: string[];
  panels: Child[];
}) {
  const t = c.get("t");
  const { config } = c.get("deps");
  return (
    <Layout
      c={c}
      title={t("home.title")}
      section="home"
      description={t("home.lead", { collective: config.collective.name })}
    >
      <section class="hero">
        <h1>{t("home.title")}</h1>
        <p class="lead">{t("home.lead", { collective: config.collective.name })}</p>
        <p class="tagline">{config.collective.tagline[c.get("locale")]}</p>
        <LeaveForm c={c} names={leave} />
      </section>
      <section class="cards" aria-label={t("layout.nav.label")}>
        <article class="card">
          <h2>{t("home.find.title")}</h2>
          <p>{t("home.find.body")}</p>
          <p class="card__actions">
            <a class="button" href={href(c, "/services")}>
              {t("home.find.cta")}
            </a>
            <a href={href(c, "/guide")}>{t("home.guide.cta")}</a>
          </p>
        </article>
        <article class="card">
          <h2>{t("home.entraide.title")}</h2>
          <p>{t("home.entraide.body")}</p>
          <p class="card__actions">
            <a class="button" href={href(c, "/entraide")}>
              {t("home.entraide.cta")}
            </a>
          </p>
        </article>
        <article class="card">
          <h2>{t("home.join.title")}</h2>
          <p>{t("home.join.body")}</p>
          <p class="card__actions">
            <a class="button button--secondary" href={href(c, "/join")}>
              {t("home.join.cta")}
            </a>
          </p>
        </article>
      </section>
      {panels}
      <section class="figures">
        <h2>{t("home.figures.title")}</h2>
        <dl class="figures__list">
          <div>
            <dt>{t("home.figures.members")}</dt>
            <dd>{t.number(figures.members)}</dd>
          </div>
          <div>
            <dt>{t("home.figures.services")}</dt>
            <dd>{t.number(figures.services)}</dd>
          </div>
          <div>
            <dt>{t("home.figures.categories")}</dt>
            <dd>{t.number(figures.categories)}</dd>
          </div>
        </dl>
        <p>
          <a href={href(c, "/stats")}>{t("home.figures.stats")}</a>
        </p>
      </section>
      <section class="values">
        <h2>{t("home.values.title")}</h2>
        <ul class="values__list">
          <li>{t("home.values.free")}</li>
          <li>{t("home.values.noads")}</li>
          <li>{t("home.values.data")}</li>
          <li>{t("home.values.meet")}</li>
        </ul>
        <p>
          <a href={href(c, "/charter")}>{t("home.values.charter")}</a>
        </p>
      </section>
    </Layout>
  );
}

export function ContentView({ c, slug, page }: { c: AppContext; slug: ContentSlug; page: ContentPage }) {
  const section = slug === "join" ? "join" : slug === "about" || slug === "manifesto" ? "about" : undefined;
  return (
    <Layout c={c} title={page.title} section={section}>
      <article class="prose" lang={page.lang}>
        <h1>{page.title}</h1>
        {/* Repository Markdown, sanitised by renderMarkdown: never member or visitor input. */}
        {raw(page.html)}
      </article>
    </Layout>
  );
}
