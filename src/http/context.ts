import type { Context } from "hono";
import type { Deps } from "../deps.js";
import type { Feature } from "../features/feature.js";
import type { Locale, Translator } from "../i18n/index.js";
import type { CurrentPerson } from "../identity/current-person.js";

export type { CurrentPerson, PersonMembership } from "../identity/current-person.js";

export interface SessionInfo {
  id: string;
  csrfToken: string;
  flash: FlashMessage[];
}

export interface FlashMessage {
  kind: "success" | "info" | "error";
  /** A catalogue key, or a literal already translated. */
  text: string;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    /** Every feature, so that a page can gather the panels other features contribute. */
    features: Feature[];
    locale: Locale;
    t: Translator;
    /** Path without the /fr or /en prefix, for the language switch. */
    localPath: string;
    session: SessionInfo | null;
    person: CurrentPerson | null;
    requestId: string;
  };
};

export type AppContext = Context<AppEnv>;

/** A link inside the site, in the current language. */
export function href(c: AppContext, path: string): string {
  if (path === "/" || path === "") return `/${c.get("locale")}`;
  return `/${c.get("locale")}${path.startsWith("/") ? path : `/${path}`}`;
}
