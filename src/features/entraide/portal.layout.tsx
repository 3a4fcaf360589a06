import type { Child } from "hono/jsx";
import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import { alternates } from "../../i18n/index.js";
import { LanguageLinks } from "../../views/Layout.js";

/**
 * The portal's own page shell: no web font, no script, one small stylesheet, so the portal page
 * stays under 50 KB with everything it loads (the site's Layout brings ~75 KB of fonts). It keeps
 * the collective's colours (theme.css) and the way back to the main site.
 */
export function PortalLayout(props: {
  c: AppContext;
  title: string;
  description?: string;
  /** Goes on to this URL at once (the no-JS redirect of the dispatch page). */
  refreshTo?: string;
  children?: Child;
}) {
  const { c } = props;
  const t = c.get("t");
  const locale = c.get("locale");
  const { config } = c.get("deps");
  const others = alternates(locale, c.get("localPath"), new URL(c.req.url).search);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${config.collective.name}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.refreshTo ? (
          <>
            <meta name="referrer" content="no-referrer" />
            <meta name="robots" content="noindex, nofollow" />
            <meta http-equiv="refresh" content={`0;url=${props.refreshTo}`} />
          </>
        ) : null}
        <link rel="stylesheet" href="/assets/theme.css" />
        <link rel="stylesheet" href="/assets/entraide/portal.css" />
        <link rel="icon" href={config.collective.logo} type="image/svg+xml" />
        {others.map((o) => (
          <link rel="alternate" hreflang={o.locale} href={o.href} />
        ))}
      </head>
      <body>
        <a class="p-skip" href="#main">
          {t("layout.skip")}
        </a>
        {config.demo.enabled ? (
          <p class="p-demo" role="note">
            <strong>{t("common.demo").toUpperCase()}</strong> {t("layout.demo.banner")}
          </p>
        ) : null}
        <header class="p-header">
          <div class="p-header__inner">
            <a class="p-brand" href={href(c, "/")}>
              <img src={config.collective.logo} alt="" width="32" height="32" />
              <span>{config.collective.name}</span>
            </a>
            <nav class="p-nav" aria-label={t("layout.nav.label")}>
              <a href={href(c, "/entraide")}>{t("layout.nav.entraide")}</a>
              <a href={href(c, "/members")}>{t("entraide.portal.nav.members")}</a>
              <LanguageLinks others={others} />
            </nav>
          </div>
        </header>
        <main id="main" tabindex={-1} class="p-main">
          {props.children}
        </main>
        <footer class="p-footer">
          <div class="p-footer__inner">
            <p>{t("entraide.portal.footer", { collective: config.collective.name })}</p>
            <p>
              <a href={href(c, "/privacy")}>{t("layout.footer.privacy")}</a> ·{" "}
              <a href={href(c, "/legal")}>{t("layout.footer.legal")}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
