import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext } from "./context.js";

/** Renders a page with its doctype. Status 422 is what a form with errors gets. */
export async function render(
  c: AppContext,
  node: Child,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const html = await Promise.resolve(node);
  return c.html(`<!doctype html>${String(html)}`, status);
}
