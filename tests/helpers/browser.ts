import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/**
 * Debian's chromium driven by playwright-core. When chromium is missing the browser tests are
 * skipped with a warning, unless REQUIRE_BROWSER=1 (CI), where its absence is a failure.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = existsSync(CHROMIUM);

if (!browserAvailable) {
  if (process.env.REQUIRE_BROWSER === "1")
    throw new Error(`REQUIRE_BROWSER=1 but no chromium at ${CHROMIUM}`);
  console.warn(`[browser tests skipped] no chromium at ${CHROMIUM}: apt-get install -y chromium`);
}

/** The environment without libfaketime: chromium does not run under a shifted clock (see npm run test:future). */
function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && key !== "LD_PRELOAD" && !key.startsWith("FAKETIME")) env[key] = value;
  return env;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: browserEnv(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** Records every request the page makes that leaves `origin`. */
export function watchForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("about:")) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

/** A French page with JavaScript off (the journeys must work without it), watching for foreign requests. */
export async function noScriptPage(
  browser: Browser,
  origin: string,
): Promise<{ page: Page; foreign: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
  const page = await context.newPage();
  return { page, foreign: watchForeignRequests(page, origin), close: () => context.close() };
}
