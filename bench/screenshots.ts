/**
 * Pictures of the main pages, on a laptop (1280x800) and a phone (390x844), from the demo, into
 * docs/screenshots/ (what the README shows). Starts the demo from the sources on a free port with a
 * throw-away database, or uses one already running:
 *
 *   npm run screenshots
 *   npm run screenshots -- --url http://127.0.0.1:8080
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { launchBrowser } from "../tests/helpers/browser.js";
import { freePort } from "../tests/helpers/platform.js";
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from "../src/demo/seed.js";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    out: { type: "string" },
    only: { type: "string" },
    full: { type: "boolean" },
  },
});
const ONLY = values.only?.split(",");
const OUT = values.out ?? "docs/screenshots";

/** name, path, signed in as the platform administrator. */
const PAGES: [string, string, boolean][] = [
  ["home", "/fr", false],
  ["members", "/fr/members", false],
  ["finder", "/fr/services?alternative=google-docs", false],
  ["map", "/fr/map", false],
  ["entraide", "/fr/entraide", false],
  ["stats", "/fr/stats", false],
  ["uptime", "/fr/stats/uptime", false],
  ["charter", "/fr/charter", false],
  ["guide", "/fr/guide", false],
  ["kittens", "/fr/kittens", false],
  ["admin", "/fr/admin", true],
  ["menu", "/fr/services#site-menu", false],
];

async function startDemo(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "chatons-shots-"));
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli-entry.ts", "serve", "--demo"], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DATABASE_URL: `sqlite:${join(dir, "demo.sqlite")}`,
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(port),
      BASE_URL: `http://127.0.0.1:${port}`,
      DEMO_SITES_PORT: String(await freePort()),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 900; i++) {
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // The demo's first crawl and health checks fill the stats and uptime pages.
  await new Promise((r) => setTimeout(r, 15_000));
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/fr/login`);
  await page.fill("#field-email", DEMO_ADMIN_EMAIL);
  await page.fill("#field-password", DEMO_PASSWORD);
  await page.click("main button[type=submit]");
  await page.waitForURL(/\/fr\/account$/);
}

const demo = values.url ? undefined : await startDemo();
const base = values.url ?? demo?.url ?? "";
const browser = await launchBrowser();
mkdirSync(OUT, { recursive: true });
try {
  for (const [device, viewport] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport, locale: "fr-FR", reducedMotion: "reduce" });
    const page = await context.newPage();
    let signedIn = false;
    for (const [name, path, admin] of PAGES) {
      if ((name === "menu" && device === "desktop") || (ONLY && !ONLY.includes(name))) continue;
      if (admin && !signedIn) {
        await signIn(page, base);
        signedIn = true;
      }
      await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
      await page.screenshot({ path: join(OUT, `${name}-${device}.png`), fullPage: values.full ?? false });
      console.log(`${OUT}/${name}-${device}.png`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await demo?.stop();
}
