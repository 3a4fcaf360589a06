import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import { CACHE_HEADER } from "../../http/page-cache.js";
import type { AppEnv } from "../../http/context.js";
import { render } from "../../http/render.js";
import { collectiveFigures, leavableServices } from "../directory/published.js";
import { HomePage, ContentView } from "./site.views.js";
import { CONTENT_PAGES, loadContent } from "./content.js";

export function sitePages(router: Hono<AppEnv>): void {
  router.get("/", async (c) => {
    const { db } = c.get("deps");
    const figures = await collectiveFigures(db);
    const leave = await leavableServices(db);
    const panels: Child[] = [];
    for (const feature of c.get("features")) {
      const panel = feature.homePanel ? await feature.homePanel(c) : null;
      if (panel) panels.push(panel);
    }
    c.header(CACHE_HEADER, "60");
    return render(c, <HomePage c={c} figures={figures} leave={leave} panels={panels} />);
  });
  for (const slug of CONTENT_PAGES) {
    router.get(`/${slug}`, async (c) => {
      const { config } = c.get("deps");
      const page = await loadContent(
        c.get("locale"),
        slug,
        {
          collective: config.collective.name,
          contact: config.collective.contactEmail,
          base: `/${c.get("locale")}`,
        },
        c.get("deps").log,
      );
      c.header(CACHE_HEADER, "300");
      return render(c, <ContentView c={c} slug={slug} page={page} />);
    });
  }
}
