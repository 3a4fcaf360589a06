import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppContext, AppEnv } from "./context.js";
import { newId } from "../db/ids.js";
import { Layout } from "../views/Layout.js";
import type { MessageKey } from "../i18n/index.js";
import { href } from "./context.js";
import { render } from "./render.js";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { HttpError, type ErrorKind } from "./http-error.js";

export { HttpError, readBody, decodePath, type ErrorKind } from "./http-error.js";

const wantsJson = (c: AppContext): boolean =>
  new URL(c.req.url).pathname.startsWith("/api/") ||
  ((c.req.header("accept") ?? "").includes("application/json") &&
    !(c.req.header("accept") ?? "").includes("text/html"));

const titles: Record<ErrorKind, [MessageKey, MessageKey]> = {
  "400": ["error.400.title", "error.400.body"],
  "401": ["error.401.title", "error.401.body"],
  "403": ["error.403.title", "error.403.body"],
  "404": ["error.404.title", "error.404.body"],
  "413": ["error.413.title", "error.413.body"],
  "429": ["error.429.title", "error.429.body"],
  csrf: ["error.csrf.title", "error.csrf.body"],
  "bad-form": ["error.400.title", "error.400.form"],
  "bad-url": ["error.400.title", "error.400.url"],
};

/** The code of a JSON error: the kind when it says more than the status. */
const jsonCode = (kind: ErrorKind, status: number) =>
  kind === "csrf" || kind === "bad-form" || kind === "bad-url" ? kind.replace("-", "_") : `http_${status}`;

function isKind(kind: string): kind is ErrorKind {
  return kind in titles;
}

function kindFor(status: number): ErrorKind {
  const k = String(status);
  return isKind(k) ? k : "400";
}

export function errorPage(
  c: AppContext,
  status: ContentfulStatusCode,
  kind: ErrorKind,
  vars: Record<string, string> = {},
) {
  const t = c.get("t");
  const [title, body] = titles[kind];
  if (wantsJson(c)) {
    return c.json({ error: { code: jsonCode(kind, status), message: t(body, vars) } }, status);
  }
  return render(
    c,
    <Layout c={c} title={t(title)}>
      <div class="error-page">
        <h1>{t(title)}</h1>
        <p>{t(body, vars)}</p>
        {status === 401 ? (
          <p>
            <a
              class="button"
              href={`${href(c, "/login")}?next=${encodeURIComponent(new URL(c.req.url).pathname)}`}
            >
              {t("layout.signin")}
            </a>
          </p>
        ) : null}
        <p>
          <a href={href(c, "/")}>{t("error.404.home")}</a>
        </p>
      </div>
    </Layout>,
    status,
  );
}

export const notFound: NotFoundHandler<AppEnv> = (c) => errorPage(c, 404, "404");

export const onError: ErrorHandler<AppEnv> = async (error, c) => {
  if (error instanceof HttpError) {
    const kind = isKind(error.kind) ? error.kind : kindFor(error.status);
    return errorPage(c, error.status, kind);
  }
  if (error instanceof HTTPException && error.status === 413) {
    return errorPage(c, 413, "413", { max: `${Math.round(c.get("deps").config.maxBodyBytes / 1024)} KB` });
  }
  if (error instanceof HTTPException && error.status < 500) {
    return errorPage(c, error.status, kindFor(error.status));
  }
  // decodeURIComponent on what a visitor sent ("%ff", a lone "%"): their mistake, not ours.
  if (error instanceof URIError) return errorPage(c, 400, "bad-url");
  // An id the visitor can quote, tying their report to the full error in the logs.
  const id = newId().slice(0, 8);
  c.get("deps").log.error(
    { errorId: id, err: error, method: c.req.method, path: new URL(c.req.url).pathname },
    "request failed",
  );
  const t = c.get("t");
  if (wantsJson(c))
    return c.json({ error: { code: "internal", id, message: t("error.500.body", { id }) } }, 500);
  return render(
    c,
    <Layout c={c} title={t("error.500.title")}>
      <div class="error-page">
        <h1>{t("error.500.title")}</h1>
        <p>{t("error.500.body", { id })}</p>
        <p>
          <a href={href(c, "/")}>{t("error.404.home")}</a>
        </p>
      </div>
    </Layout>,
    500,
  );
};
