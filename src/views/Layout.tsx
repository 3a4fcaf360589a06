import type { Child } from "hono/jsx";
import type { AppContext } from "../http/context.js";
import { alternates, hasMessage } from "../i18n/index.js";
import { SiteFooter, SiteHeader, type NavSection } from "./SiteHeader.js";

export { LanguageLinks, type NavSection } from "./SiteHeader.js";

export interface LayoutProps {
  c: AppContext;
  title: string;
  description?: string;
  /** Navigation entry to mark as current (aria-current). */
  section?: NavSection;
  /** Wider content area for tables and charts. */
  wide?: boolean;
  children?: Child;
}

export function Layout({ c, title, description, section, wide, children }: LayoutProps) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { config } = c.get("deps");
  const session = c.get("session");
  const others = alternates(locale, c.get("localPath"), new URL(c.req.url).search);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${config.collective.name}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/theme.css" />
        {/* The features' stylesheets, small and cached: linked once here rather than from pages. */}
        <link rel="stylesheet" href="/assets/directory/directory.css" />
        <link rel="stylesheet" href="/assets/stats/stats.css" />
        <link rel="icon" href={config.collective.logo} type="image/svg+xml" />
        {others.map((o) => (
          <link rel="alternate" hreflang={o.locale} href={o.href} />
        ))}
        <script src="/assets/app.js" defer></script>
      </head>
      <body class={wide ? "page page--wide" : "page"}>
        <a class="skip-link" href="#main">
          {t("layout.skip")}
        </a>
        <SiteHeader c={c} section={section} />
        <main id="main" tabindex={-1} class={wide ? "main main--wide" : "main"}>
          {session && session.flash.length > 0 ? (
            <div class="flash-list">
              {session.flash.map((m) => (
                <p class={`flash flash--${m.kind}`} role={m.kind === "error" ? "alert" : "status"}>
                  {hasMessage(locale, m.text) ? t(m.text) : m.text}
                </p>
              ))}
            </div>
          ) : null}
          {children}
        </main>
        <SiteFooter c={c} />
      </body>
    </html>
  );
}
