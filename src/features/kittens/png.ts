import type { Resvg as ResvgClass } from "@resvg/resvg-js";

/** PNG rendering of an avatar SVG; results kept in a small in-memory cache (same input, same bytes). */
const MAX_ENTRIES = 200;
const cache = new Map<string, Uint8Array>();

export const PNG_SIZES = [64, 128, 256, 512, 1024] as const;

export function pngSize(raw: string | undefined): number {
  const n = Number(raw);
  return PNG_SIZES.find((s) => s === n) ?? 256;
}

// The native renderer is loaded with the first PNG asked for, not at start.
let Resvg: typeof ResvgClass | undefined;

export async function svgToPng(svg: string, size: number): Promise<Uint8Array> {
  const key = `${size}:${svg}`;
  const hit = cache.get(key);
  if (hit) return hit;
  Resvg ??= (await import("@resvg/resvg-js")).Resvg;
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: size },
    font: { loadSystemFonts: false },
  })
    .render()
    .asPng();
  const bytes = new Uint8Array(png);
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, bytes);
  return bytes;
}
