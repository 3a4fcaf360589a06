import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Resvg } from "@resvg/resvg-js";
import {
  OPTION_KEYS,
  OPTION_VALUES,
  cleanSeed,
  kittenFromSeed,
  kittenSvg,
  optionsQuery,
  parseAvatar,
  parseKittenOptions,
  resolveKitten,
  serializeAvatar,
  type KittenOptions,
} from "./kitten.js";
import { svgToPng } from "./png.js";

const palette = { primary: "#a46708", secondary: "#f0980c", accent: "#f9cc01" };

describe("kitten generator", () => {
  it("draws the same kitten for the same seed and options, byte for byte", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (seed) => {
        const a = kittenSvg(resolveKitten(seed, {}), palette, seed);
        const b = kittenSvg(resolveKitten(seed, {}), palette, seed);
        expect(a).toBe(b);
      }),
    );
  });

  it("gives different seeds different kittens", () => {
    const drawings = new Set(
      Array.from({ length: 60 }, (_, i) => kittenSvg(kittenFromSeed(`member-${i}`), palette)),
    );
    expect(drawings.size).toBeGreaterThan(55);
  });

  it("paints in the collective's palette, and follows it when it changes", () => {
    const options: KittenOptions = { ...kittenFromSeed("x"), fur: "secondary", background: "accent" };
    const svg = kittenSvg(options, palette);
    expect(svg).toContain('fill="#f0980c"');
    expect(svg).toContain('fill="#f9cc01"');
    const other = kittenSvg(options, { primary: "#112233", secondary: "#445566", accent: "#778899" });
    expect(other).toContain('fill="#445566"');
    expect(other).not.toContain("#f0980c");
  });

  it("applies every option value and each drawing is a valid SVG", () => {
    const base = kittenFromSeed("base");
    const seen = new Set<string>();
    for (const key of OPTION_KEYS) {
      for (const value of OPTION_VALUES[key]) {
        const svg = kittenSvg(
          resolveKitten("base", { ...base, ...parseKittenOptions({ [key]: value }) }),
          palette,
        );
        seen.add(svg);
        const png = new Resvg(svg, { fitTo: { mode: "width", value: 32 } }).render();
        expect(png.width).toBe(32);
      }
    }
    // Each option changes the drawing (a value equal to the seed's own is the only repeat per key).
    expect(seen.size).toBeGreaterThan(30);
  });

  it("escapes the title and keeps to known values", () => {
    const svg = kittenSvg(kittenFromSeed("a"), palette, '<script>alert("x")</script>');
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(parseKittenOptions({ ears: "round", eyes: "laser", fur: 3, nonsense: "1" })).toEqual({
      ears: "round",
    });
  });

  it("rebuilds the same options from the query string it writes", () => {
    const seed = "zaclys";
    const options: KittenOptions = { ...kittenFromSeed(seed), ears: "folded", accessory: "glasses" };
    const query = new URLSearchParams(optionsQuery(seed, options).slice(1));
    expect(resolveKitten(seed, parseKittenOptions(Object.fromEntries(query)))).toEqual(options);
    expect(optionsQuery(seed, kittenFromSeed(seed))).toBe("");
  });

  it("stores a kept avatar as JSON and reads it back, refusing garbage", () => {
    const kept = { seed: "chapril", options: { ...kittenFromSeed("chapril"), eyes: "wink" as const } };
    expect(parseAvatar(serializeAvatar(kept))).toEqual(kept);
    expect(parseAvatar("{not json")).toBeNull();
    expect(parseAvatar('{"options":{}}')).toBeNull();
    expect(parseAvatar(null)).toBeNull();
  });

  it("cleans seeds taken from an address", () => {
    expect(cleanSeed("  Libre Service  ")).toBe("Libre Service");
    expect(cleanSeed("a/b?c<d>")).toBe("a-b-c-d-");
    expect(cleanSeed("")).toBe("chaton");
    expect(cleanSeed("x".repeat(100))).toHaveLength(64);
  });

  it("renders PNGs of the requested width and caches them", async () => {
    const svg = kittenSvg(kittenFromSeed("png"), palette);
    const png = await svgToPng(svg, 64);
    expect([...png.slice(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
    expect(await svgToPng(svg, 64)).toBe(png);
  });
});
