import { deflateSync } from "node:zlib";
import type { Hono } from "hono";
import type { Deps } from "../../../deps.js";
import type { DemoWorld } from "../../../demo/world.js";
import { updateMemberFields } from "../directory.repository.js";

/**
 * Demo logos: a few demo members publish a logo on their simulated site (loopback), and one an SVG
 * that the platform refuses, so the fetch, the refusal and the display all happen in the demo.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

type Rgb = [number, number, number];

/** Encodes an RGB picture as PNG (8 bits, no filtering): enough for flat demo logos. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function hue(seed: string): number {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

function hsl(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** A wide banner with a disc, in colours drawn from the seed: each demo member gets its own. */
export function demoLogoPng(seed: string, width = 160, height = 96): Buffer {
  const h = hue(seed);
  const background = hsl(h, 0.55, 0.9);
  const band = hsl((h + 40) % 360, 0.6, 0.45);
  const disc = hsl((h + 180) % 360, 0.65, 0.5);
  const r = height * 0.32;
  return encodePng(width, height, (x, y) => {
    if ((x - width * 0.3) ** 2 + (y - height / 2) ** 2 < r * r) return disc;
    if (x > width * 0.5 && y > height * 0.35 && y < height * 0.65) return band;
    return background;
  });
}

const DEMO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect width="10" height="10"/></svg>`;

/** Every sixth demo member publishes a PNG logo; the second of them an SVG instead (refused). */
export async function seedDemoLogos(deps: Deps, world: DemoWorld): Promise<void> {
  const chosen = world.members.filter((_, i) => i % 6 === 0);
  for (const [i, m] of chosen.entries()) {
    const file = i === 1 ? "logo.svg" : "logo.png";
    await updateMemberFields(deps.db, m.id, { logo_url: `${world.sitesBaseUrl}/${m.slug}/${file}` });
  }
}

export function demoLogoSites(app: Hono, world: DemoWorld): void {
  const known = new Set(world.members.map((m) => m.slug));
  app.get("/:member/logo.png", (c) => {
    const slug = c.req.param("member");
    if (!known.has(slug)) return c.notFound();
    return c.body(new Uint8Array(demoLogoPng(slug)), 200, { "content-type": "image/png" });
  });
  app.get("/:member/logo.svg", (c) =>
    known.has(c.req.param("member"))
      ? c.body(DEMO_SVG, 200, { "content-type": "image/svg+xml" })
      : c.notFound(),
  );
}
