import { Hono } from "hono";
import type { AppEnv } from "../../../http/context.js";
import { render } from "../../../http/render.js";
import { HttpError } from "../../../http/errors.js";
import { CACHE_HEADER } from "../../../http/page-cache.js";
import { CharterPage } from "../views/charter.views.js";
import { charterByNumber, currentCharter, listVersions } from "./charter.repository.js";

/** Public: the current charter and every published version. */
export function charterPages(): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();

  pages.get("/", async (c) => {
    const { db } = c.get("deps");
    c.header(CACHE_HEADER, "300");
    return render(
      c,
      <CharterPage c={c} charter={await currentCharter(db)} versions={await listVersions(db)} />,
    );
  });

  pages.get("/versions/:number{[0-9]+}", async (c) => {
    const { db } = c.get("deps");
    const charter = await charterByNumber(db, Number(c.req.param("number")));
    if (!charter || charter.version.status === "draft") throw new HttpError(404, "404");
    return render(c, <CharterPage c={c} charter={charter} versions={await listVersions(db)} />);
  });

  return pages;
}
