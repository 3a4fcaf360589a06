import type { Child } from "hono/jsx";
import type { AppContext } from "../../http/context.js";
import { alternates } from "../../i18n/index.js";
import { SiteFooter, SiteHeader } from "../../views/SiteHeader.js";

/**
 * The portal's page shell: the site's header, footer and container, but no web font (the
 * "page--light" body draws headings in system fonts) and none of the other features'
 * stylesheets, so the portal page stays under 50 KB with everything it loads (the site's fonts
 * alone are ~75 KB). See docs/decisions/061-phone-header-and-portal-shell.md.
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
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/theme.css" />
        <link rel="stylesheet" href="/assets/entraide/portal.css" />
        <link rel="icon" href={config.collective.logo} type="image/svg+xml" />
        {others.map((o) => (
          <link rel="alternate" hreflang={o.locale} href={o.href} />
        ))}
        {/* The page that goes on at once needs no enhancement: its menu works without script. */}
        {props.refreshTo ? null : <script src="/assets/app.js" defer></script>}
      </head>
      <body class="page page--light">
        <a class="skip-link" href="#main">
          {t("layout.skip")}
        </a>
        <SiteHeader c={c} section="entraide" />
        <main id="main" tabindex={-1} class="main">
          {props.children}
        </main>
        <SiteFooter c={c} note={t("entraide.portal.footer", { collective: config.collective.name })} />
      </body>
    </html>
  );
}
