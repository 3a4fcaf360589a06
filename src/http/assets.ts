import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join, normalize, sep } from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "./context.js";
import type { Config } from "../config.js";
import { decodePath } from "./errors.js";
import { LOCALES } from "../i18n/locales.js";

/**
 * Everything a page needs is served from here: stylesheets, the small enhancement script, icons
 * and the fonts (copied from the @fontsource package). No page ever asks another origin.
 */

const publicDir = fileURLToPath(new URL("../../public/", import.meta.url));
const fontDir = fileURLToPath(
  new URL("../../node_modules/@fontsource/pt-sans-caption/files/", import.meta.url),
);

const TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
  woff2: "font/woff2",
  woff: "font/woff",
  txt: "text/plain; charset=utf-8",
  json: "application/json",
};

interface Asset {
  body: Uint8Array;
  type: string;
  etag: string;
}

const cache = new Map<string, Asset | null>();

async function load(root: string, relative: string): Promise<Asset | null> {
  const key = `${root}|${relative}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const full = normalize(join(root, relative));
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const ext = relative.split(".").pop() ?? "";
  const type = TYPES[ext];
  let asset: Asset | null = null;
  if (type) {
    try {
      const body = new Uint8Array(await readFile(full));
      asset = { body, type, etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 16)}"` };
    } catch {
      asset = null;
    }
  }
  cache.set(key, asset);
  return asset;
}

export function themeCss(config: Config): string {
  const { primary, secondary, accent } = config.collective.colours;
  return `:root{--primary:${primary};--secondary:${secondary};--accent:${accent};}\n`;
}

export function mountAssets(app: Hono<AppEnv>, config: Config): void {
  const theme = new TextEncoder().encode(themeCss(config));
  const themeTag = `"${createHash("sha1").update(theme).digest("base64url").slice(0, 16)}"`;

  const send = (asset: Asset, ifNoneMatch: string | undefined): Response => {
    const headers = {
      "content-type": asset.type,
      etag: asset.etag,
      "cache-control": "public, max-age=3600",
    };
    if (ifNoneMatch === asset.etag) return new Response(null, { status: 304, headers });
    return new Response(asset.body, { status: 200, headers });
  };

  app.get("/assets/theme.css", (c) =>
    send({ body: theme, type: TYPES.css ?? "text/css", etag: themeTag }, c.req.header("if-none-match")),
  );
  app.get("/assets/fonts/:file{[a-z0-9-]+\\.woff2?}", async (c) => {
    const asset = await load(fontDir, c.req.param("file"));
    return asset ? send(asset, c.req.header("if-none-match")) : c.notFound();
  });
  app.get("/assets/*", async (c) => {
    const relative = decodePath(new URL(c.req.url).pathname.slice("/assets/".length));
    if (relative.includes("..") || relative.includes("\0")) return c.notFound();
    const asset = await load(publicDir, relative);
    return asset ? send(asset, c.req.header("if-none-match")) : c.notFound();
  });
  app.get("/favicon.ico", async (c) => {
    const asset = await load(publicDir, "logo.svg");
    return asset ? send(asset, c.req.header("if-none-match")) : c.notFound();
  });
  app.get("/robots.txt", (c) =>
    c.text(`User-agent: *\nDisallow: /admin\n${LOCALES.map((l) => `Disallow: /${l}/admin\n`).join("")}`),
  );
}
