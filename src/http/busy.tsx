import type { IncomingMessage, ServerResponse } from "node:http";
import { isLocale, LOCALES, negotiateLocale, translator, type Locale } from "../i18n/index.js";

/** Seconds a turned-away visitor is asked to wait: the line moves in well under that. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * The answer of a full line (src/http/admission.ts): 503 with Retry-After, a short page in the
 * visitor's language (from the path, else Accept-Language, as the app decides) or JSON for the API.
 * The bodies are built once: this answer must cost next to nothing, since it is given exactly when
 * the process has no time to spare.
 */
export function busyAnswer(options: {
  defaultLocale: Locale;
  collectiveName: string;
  securityHeaders: [string, string][];
  date: () => string;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const page = new Map<Locale, Buffer>();
  const json = new Map<Locale, Buffer>();
  for (const locale of LOCALES) {
    const t = translator(locale);
    const html = (
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${t("error.503.title")} · ${options.collectiveName}`}</title>
          <link rel="stylesheet" href="/assets/app.css" />
          <link rel="stylesheet" href="/assets/theme.css" />
        </head>
        <body>
          <main class="error-page">
            <h1>{t("error.503.title")}</h1>
            <p>{t("error.503.body")}</p>
            <p>
              <a href={`/${locale}`}>{t("error.503.retry")}</a>
            </p>
          </main>
        </body>
      </html>
    );
    page.set(locale, Buffer.from(`<!doctype html>${html.toString()}`));
    json.set(locale, Buffer.from(JSON.stringify({ error: { code: "busy", message: t("error.503.body") } })));
  }
  const fixed = [
    ...options.securityHeaders,
    ["cache-control", "no-store"],
    ["retry-after", String(RETRY_AFTER_SECONDS)],
  ];
  return (req, res) => {
    const url = req.url ?? "/";
    const first = url.split(/[/?]/)[1];
    const fromPath = isLocale(first) ? first : undefined;
    const locale = fromPath ?? negotiateLocale(req.headers["accept-language"], options.defaultLocale);
    const api = url.startsWith("/api/");
    const body = (api ? json : page).get(locale) ?? Buffer.alloc(0);
    const headers = [
      ["date", options.date()],
      ...fixed,
      ["content-type", api ? "application/json; charset=utf-8" : "text/html; charset=utf-8"],
      ["content-language", locale],
      ["content-length", String(body.length)],
      ...(fromPath ? [] : [["vary", "Accept-Language"]]),
    ].flat();
    res.writeHead(503, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
