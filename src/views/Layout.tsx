import type { Child } from "hono/jsx";
import type { AppContext } from "../http/context.js";
import { href } from "../http/context.js";
import { csrfToken } from "../http/csrf.js";
import { alternates, hasMessage, translator, type Locale, type MessageKey } from "../i18n/index.js";

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

export type NavSection =
  "home" | "members" | "services" | "entraide" | "stats" | "charter" | "join" | "about";

const NAV: { section: NavSection; path: string; key: MessageKey }[] = [
  { section: "members", path: "/members", key: "layout.nav.members" },
  { section: "services", path: "/services", key: "layout.nav.services" },
  { section: "entraide", path: "/entraide", key: "layout.nav.entraide" },
  { section: "stats", path: "/stats", key: "layout.nav.stats" },
  { section: "charter", path: "/charter", key: "layout.nav.charter" },
  { section: "join", path: "/join", key: "layout.nav.join" },
  { section: "about", path: "/about", key: "layout.nav.about" },
];

/**
 * One link per other language, each named and titled in its own language (and marked as such), so
 * that a reader who does not understand the current page still finds theirs.
 */
export function LanguageLinks({
  others,
  class: className,
}: {
  others: { locale: Locale; href: string }[];
  class?: string;
}) {
  return (
    <>
      {others.map((o) => {
        const own = translator(o.locale);
        return (
          <a
            class={className}
            href={o.href}
            hreflang={o.locale}
            lang={o.locale}
            title={own("layout.language.read")}
          >
            {own("layout.language.self")}
          </a>
        );
      })}
    </>
  );
}

export function Layout({ c, title, description, section, wide, children }: LayoutProps) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { config } = c.get("deps");
  const person = c.get("person");
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
        {/* The demo banner sits inside the banner landmark: every piece of the page is in one. */}
        <header class="site-header">
          {config.demo.enabled ? (
            <p class="demo-banner" role="note">
              <strong>{t("common.demo").toUpperCase()}</strong> {t("layout.demo.banner")}
            </p>
          ) : null}
          <div class="site-header__inner">
            <a class="brand" href={`/${locale}`}>
              <img src={config.collective.logo} alt="" width="40" height="40" />
              <span class="brand__name">{config.collective.name}</span>
            </a>
            <nav class="site-nav" aria-label={t("layout.nav.label")}>
              <ul>
                {NAV.map((item) => (
                  <li>
                    <a href={href(c, item.path)} aria-current={section === item.section ? "page" : undefined}>
                      {t(item.key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="site-tools">
              <LanguageLinks others={others} class="lang-switch" />
              {person ? (
                <>
                  <a href={href(c, "/dashboard")}>{t("layout.dashboard")}</a>
                  <a href={href(c, "/account")}>{t("layout.account")}</a>
                  {person.isPlatformAdmin ? <a href={href(c, "/admin")}>{t("layout.admin")}</a> : null}
                  <form method="post" action={href(c, "/logout")} class="inline-form">
                    <input type="hidden" name="_csrf" value={csrfToken(c)} />
                    <button type="submit" class="link-button">
                      {t("layout.signout")}
                    </button>
                  </form>
                </>
              ) : (
                <a href={href(c, "/login")}>{t("layout.signin")}</a>
              )}
            </div>
          </div>
        </header>
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
        <footer class="site-footer">
          <div class="site-footer__inner">
            <p>{t("layout.footer.licence")}</p>
            <ul class="footer-links">
              <li>
                <a href={href(c, "/contact")}>{t("layout.footer.contact")}</a>
              </li>
              <li>
                <a href={href(c, "/news")}>{t("news.home.title")}</a>
              </li>
              <li>
                <a href={href(c, "/meetings")}>{t("meetings.title")}</a>
              </li>
              <li>
                <a href={href(c, "/decisions")}>{t("applications.decisions.title")}</a>
              </li>
              <li>
                <a href={href(c, "/code-of-conduct")}>{t("collective.footer.conduct")}</a>
              </li>
              <li>
                <a href={href(c, "/legal")}>{t("layout.footer.legal")}</a>
              </li>
              <li>
                <a href={href(c, "/privacy")}>{t("layout.footer.privacy")}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}
