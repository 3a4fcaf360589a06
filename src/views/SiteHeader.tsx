import type { Child } from "hono/jsx";
import type { AppContext } from "../http/context.js";
import { href } from "../http/context.js";
import { csrfToken } from "../http/csrf.js";
import { alternates, translator, type Locale, type MessageKey } from "../i18n/index.js";

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

function AccountLinks({ c }: { c: AppContext }) {
  const t = c.get("t");
  const person = c.get("person");
  if (!person) return <a href={href(c, "/login")}>{t("layout.signin")}</a>;
  return (
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
  );
}

/**
 * The site's header, shared by the main layout and the entraide portal. On a phone it is one row:
 * the logo and a "Menu" link to #site-menu; the menu opens with :target, so it works without
 * JavaScript, and app.js turns the link into a button that toggles it in place. The demo banner and
 * the account links fold into that menu; from 64rem up everything is shown in the header itself.
 */
export function SiteHeader({ c, section }: { c: AppContext; section?: NavSection }) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { config } = c.get("deps");
  const others = alternates(locale, c.get("localPath"), new URL(c.req.url).search);
  const demo = config.demo.enabled ? (
    <>
      <strong>{t("common.demo").toUpperCase()}</strong> {t("layout.demo.banner")}
    </>
  ) : null;
  return (
    <header class="site-header">
      {demo ? (
        <p class="demo-banner" role="note">
          {demo}
        </p>
      ) : null}
      <div class="site-header__inner">
        <a class="brand" href={`/${locale}`}>
          <img src={config.collective.logo} alt="" width="40" height="40" />
          <span class="brand__name">{config.collective.name}</span>
          {demo ? <span class="brand__demo">{t("common.demo")}</span> : null}
        </a>
        <a class="menu-toggle" href="#site-menu" aria-controls="site-menu">
          {t("layout.menu")}
        </a>
        <div class="site-menu" id="site-menu">
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
            <AccountLinks c={c} />
          </div>
          {demo ? <p class="site-menu__demo">{demo}</p> : null}
          <a class="menu-close" href="#main">
            {t("layout.menu.close")}
          </a>
        </div>
      </div>
    </header>
  );
}

/** The site's footer; `note` adds a line of the page's own above the licence. */
export function SiteFooter({ c, note }: { c: AppContext; note?: Child }) {
  const t = c.get("t");
  const links: [string, string][] = [
    ["/contact", t("layout.footer.contact")],
    ["/news", t("news.home.title")],
    ["/meetings", t("meetings.title")],
    ["/decisions", t("applications.decisions.title")],
    ["/code-of-conduct", t("collective.footer.conduct")],
    ["/legal", t("layout.footer.legal")],
    ["/privacy", t("layout.footer.privacy")],
  ];
  return (
    <footer class="site-footer">
      <div class="site-footer__inner">
        {note ? <p>{note}</p> : null}
        <p>{t("layout.footer.licence")}</p>
        <ul class="footer-links">
          {links.map(([path, label]) => (
            <li>
              <a href={href(c, path)}>{label}</a>
            </li>
          ))}
        </ul>
      </div>
    </footer>
  );
}
