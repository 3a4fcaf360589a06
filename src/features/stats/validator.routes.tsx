import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import { render } from "../../http/render.js";
import { readForm } from "../../http/forms.js";
import { clientKey } from "../../http/client.js";
import { HttpError } from "../../http/http-error.js";
import { CACHE_HEADER } from "../../http/page-cache.js";
import * as limits from "../../http/rate-limit.js";
import { MAX_PASTED, validateText, validateUrl } from "./validate.js";
import { ValidatorPage } from "./views/validator.js";

const HOUR = 3_600_000;
/** Checks per visitor and per hour; fetches for everyone together (the validator is no proxy). */
const PER_VISITOR = 30;
const FETCHES_PER_HOUR = 600;

const field = (raw: Record<string, string | string[]>, name: string) => {
  const v = raw[name];
  return typeof v === "string" ? v : "";
};

export function validatorPages(router: Hono<AppEnv>): void {
  router.get("/stats/check", async (c) => {
    const res = await render(c, <ValidatorPage c={c} values={{}} />);
    // The form carries the visitor's CSRF token: never from the shared page cache.
    res.headers.set(CACHE_HEADER, "0");
    return res;
  });

  router.post("/stats/check", async (c) => {
    const deps = c.get("deps");
    const visitor = `stats-check:${clientKey(c)}`;
    if ((await limits.hit(deps.db, visitor, HOUR, deps.now())) > PER_VISITOR) throw new HttpError(429, "429");
    const raw = await readForm(c);
    const url = field(raw, "url").trim();
    const content = field(raw, "content");
    if (content.length > MAX_PASTED) throw new HttpError(413, "413");
    const values = { url, content };
    if (url && !/^https?:\/\//i.test(url))
      return render(c, <ValidatorPage c={c} values={values} missing />, 422);
    if (url) {
      if ((await limits.hit(deps.db, "stats-check:fetches", HOUR, deps.now())) > FETCHES_PER_HOUR)
        throw new HttpError(429, "429");
      return render(c, <ValidatorPage c={c} values={values} validation={await validateUrl(deps, url)} />);
    }
    if (!content.trim()) return render(c, <ValidatorPage c={c} values={values} missing />, 422);
    return render(c, <ValidatorPage c={c} values={values} validation={validateText(content)} />);
  });
}
