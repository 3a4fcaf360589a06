import type { Hono } from "hono";
import { raw } from "hono/html";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { render } from "../../../http/render.js";
import { HttpError } from "../../../http/errors.js";
import { CACHE_HEADER } from "../../../http/page-cache.js";
import { Layout } from "../../../views/Layout.js";
import { loadMarkdownPage, type ContentPage } from "../../site/content.js";

/** The "I want to become a chaton" path, in order: one Markdown page per step under content/<locale>/starter-guide/. */
export const STEPS = [
  "what-is-a-chaton",
  "prepare",
  "self-assessment",
  "pre-checks",
  "apply-and-vote",
  "after",
] as const;
type Step = (typeof STEPS)[number];
const isStep = (value: string): value is Step => (STEPS as readonly string[]).includes(value);

function load(c: AppContext, name: string): Promise<ContentPage> {
  const { config } = c.get("deps");
  return loadMarkdownPage(
    c.get("locale"),
    `starter-guide/${name}`,
    {
      collective: config.collective.name,
      base: `/${c.get("locale")}`,
    },
    c.get("deps").log,
  );
}

function GuidePage({
  c,
  page,
  step,
  titles,
}: {
  c: AppContext;
  page: ContentPage;
  step: Step | null;
  titles: ContentPage[];
}) {
  const t = c.get("t");
  const index = step ? STEPS.indexOf(step) : -1;
  const prev = index > 0 ? STEPS[index - 1] : undefined;
  const next = STEPS[index + 1];
  return (
    <Layout c={c} title={page.title} section="join">
      <nav aria-label={t("starter.steps")} class="subnav">
        <ol>
          {STEPS.map((s, i) => (
            <li>
              <a
                href={href(c, `/starter-guide/${s}`)}
                aria-current={s === step ? "page" : undefined}
                lang={titles[i]?.lang === c.get("locale") ? undefined : titles[i]?.lang}
              >
                {titles[i]?.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <article class="prose" lang={page.lang}>
        <h1>{page.title}</h1>
        {step ? <p class="muted">{t("starter.step_of", { n: index + 1, total: STEPS.length })}</p> : null}
        {/* Repository Markdown, sanitised by renderMarkdown: never member or visitor input. */}
        {raw(page.html)}
      </article>
      <p>
        {prev ? (
          <a href={href(c, `/starter-guide/${prev}`)} rel="prev">
            {t("starter.previous")}
          </a>
        ) : null}
        {prev && next ? " · " : null}
        {next ? (
          <a href={href(c, `/starter-guide/${next}`)} rel="next">
            {t("starter.next")}
          </a>
        ) : null}
      </p>
    </Layout>
  );
}

export function starterPages(router: Hono<AppEnv>): void {
  const titles = async (c: AppContext) => Promise.all(STEPS.map((s) => load(c, s)));
  router.get("/starter-guide", async (c) => {
    c.header(CACHE_HEADER, "300");
    return render(c, <GuidePage c={c} page={await load(c, "index")} step={null} titles={await titles(c)} />);
  });
  router.get("/starter-guide/:step", async (c) => {
    const step = c.req.param("step");
    if (!isStep(step)) throw new HttpError(404, "404");
    c.header(CACHE_HEADER, "300");
    return render(c, <GuidePage c={c} page={await load(c, step)} step={step} titles={await titles(c)} />);
  });
}
