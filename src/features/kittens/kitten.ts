import { seededRandom } from "../../demo/random.js";

/**
 * The kitten avatar generator: a pure function from a seed and options to an SVG, drawn in the
 * collective's palette after its logo (a round kitten head with a dark outline). The same seed and
 * options always give the same bytes: no random ids, no dates, no floating noise.
 */

export const SWATCHES = ["primary", "secondary", "accent", "cream", "grey", "charcoal", "white"] as const;
export type Swatch = (typeof SWATCHES)[number];
export const PATTERNS = ["plain", "stripes", "patch", "muzzle"] as const;
export const EARS = ["pointy", "round", "folded", "tufted"] as const;
export const EYES = ["round", "big", "happy", "sleepy", "wink"] as const;
export const EYE_COLOURS = ["green", "amber", "blue", "brown"] as const;
export const ACCESSORIES = ["none", "bow", "glasses", "scarf", "flower", "hat", "headphones"] as const;
export const BACKGROUNDS = ["none", ...SWATCHES] as const;

export interface KittenOptions {
  fur: Swatch;
  markings: Swatch;
  pattern: (typeof PATTERNS)[number];
  ears: (typeof EARS)[number];
  eyes: (typeof EYES)[number];
  eye_colour: (typeof EYE_COLOURS)[number];
  accessory: (typeof ACCESSORIES)[number];
  background: (typeof BACKGROUNDS)[number];
}

export const OPTION_VALUES: { [K in keyof KittenOptions]: readonly KittenOptions[K][] } = {
  fur: SWATCHES,
  markings: SWATCHES,
  pattern: PATTERNS,
  ears: EARS,
  eyes: EYES,
  eye_colour: EYE_COLOURS,
  accessory: ACCESSORIES,
  background: BACKGROUNDS,
};
export const OPTION_KEYS = Object.keys(OPTION_VALUES).filter(isOptionKey);

function isOptionKey(key: string): key is keyof KittenOptions {
  return key in OPTION_VALUES;
}

export interface Palette {
  primary: string;
  secondary: string;
  accent: string;
}

const FIXED: Record<Exclude<Swatch, "primary" | "secondary" | "accent">, string> = {
  cream: "#f6e7c8",
  grey: "#9a9a9a",
  charcoal: "#3b3b3b",
  white: "#ffffff",
};
const IRIS: Record<KittenOptions["eye_colour"], string> = {
  green: "#6a9f3a",
  amber: "#d9930d",
  blue: "#4f86c6",
  brown: "#7a4b1e",
};
const INK = "#333333";

export function colourOf(swatch: Swatch, palette: Palette): string {
  if (swatch === "primary" || swatch === "secondary" || swatch === "accent") return palette[swatch];
  return FIXED[swatch];
}

/** FNV-1a, 32 bits: a stable number from any text. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function pickFrom<T>(random: () => number, items: readonly T[], weights?: readonly number[]): T {
  const w = weights ?? items.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < items.length; i++) {
    r -= w[i] ?? 0;
    const item = items[i];
    if (r < 0 && item !== undefined) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error("empty choice");
  return last;
}

/** The kitten a seed stands for: mostly in the collective's own colours. */
export function kittenFromSeed(seed: string): KittenOptions {
  const random = seededRandom(hashString(seed));
  const fur = pickFrom(random, SWATCHES, [5, 6, 4, 2, 2, 2, 1]);
  let markings = pickFrom(random, SWATCHES, [4, 3, 2, 3, 2, 3, 2]);
  if (markings === fur) markings = fur === "primary" ? "cream" : "primary";
  return {
    fur,
    markings,
    pattern: pickFrom(random, PATTERNS, [3, 3, 2, 2]),
    ears: pickFrom(random, EARS, [5, 2, 2, 2]),
    eyes: pickFrom(random, EYES, [4, 2, 2, 1, 1]),
    eye_colour: pickFrom(random, EYE_COLOURS),
    accessory: pickFrom(random, ACCESSORIES, [6, 2, 2, 2, 2, 1, 1]),
    background: pickFrom(random, BACKGROUNDS, [3, 1, 1, 3, 2, 1, 0, 1]),
  };
}

/** Keeps only known keys with known values: unknown input is ignored, never echoed. */
export function parseKittenOptions(input: Record<string, unknown>): Partial<KittenOptions> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) if (typeof value === "string") raw[key] = value;
  return narrowOptions(raw);
}

function narrowOptions(raw: Record<string, string>): Partial<KittenOptions> {
  const out: Partial<KittenOptions> = {};
  const is = <K extends keyof KittenOptions>(key: K, v: string | undefined): v is KittenOptions[K] => {
    const allowed: readonly string[] = OPTION_VALUES[key];
    return v !== undefined && allowed.includes(v);
  };
  if (is("fur", raw.fur)) out.fur = raw.fur;
  if (is("markings", raw.markings)) out.markings = raw.markings;
  if (is("pattern", raw.pattern)) out.pattern = raw.pattern;
  if (is("ears", raw.ears)) out.ears = raw.ears;
  if (is("eyes", raw.eyes)) out.eyes = raw.eyes;
  if (is("eye_colour", raw.eye_colour)) out.eye_colour = raw.eye_colour;
  if (is("accessory", raw.accessory)) out.accessory = raw.accessory;
  if (is("background", raw.background)) out.background = raw.background;
  return out;
}

/** A seed as we accept it in a URL: short, letters, digits, spaces, dots, dashes and underscores. */
export function cleanSeed(seed: string | undefined): string {
  const s = (seed ?? "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._-]+/gu, "-")
    .trim()
    .slice(0, 64);
  return s || "chaton";
}

export function resolveKitten(seed: string, overrides: Partial<KittenOptions>): KittenOptions {
  return { ...kittenFromSeed(seed), ...overrides };
}

/** The query string that reproduces these options on top of a seed (only what differs). */
export function optionsQuery(seed: string, options: KittenOptions): string {
  const base = kittenFromSeed(seed);
  const params = new URLSearchParams();
  for (const key of OPTION_KEYS) if (options[key] !== base[key]) params.set(key, options[key]);
  const q = params.toString();
  return q ? `?${q}` : "";
}

/** What members.avatar holds: the seed and every option, so a kept kitten never drifts. */
export interface KeptAvatar {
  seed: string;
  options: KittenOptions;
}

export function serializeAvatar(avatar: KeptAvatar): string {
  const options: Record<string, string> = {};
  for (const key of OPTION_KEYS) options[key] = avatar.options[key];
  return JSON.stringify({ seed: avatar.seed, options });
}

export function parseAvatar(json: string | null): KeptAvatar | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null || !("seed" in value) || typeof value.seed !== "string")
      return null;
    const raw =
      "options" in value && typeof value.options === "object" && value.options !== null ? value.options : {};
    const seed = cleanSeed(value.seed);
    return {
      seed,
      options: resolveKitten(seed, parseKittenOptions(Object.fromEntries(Object.entries(raw)))),
    };
  } catch {
    return null;
  }
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function kittenSvg(options: KittenOptions, palette: Palette, title = "Chaton"): string {
  const fur = colourOf(options.fur, palette);
  const marks = colourOf(options.markings, palette);
  const line = options.fur === "charcoal" ? "#1a1a1a" : options.fur === "primary" ? INK : palette.primary;
  const trim = pickTrim(options, palette);
  const parts = [
    options.background === "none"
      ? ""
      : `<circle cx="64" cy="64" r="63" fill="${colourOf(options.background, palette)}"/>`,
    options.accessory === "headphones" ? headphonesBand() : "",
    ears(options.ears, fur, marks, line),
    `<ellipse cx="64" cy="74" rx="44" ry="39" fill="${fur}" stroke="${line}" stroke-width="4"/>`,
    pattern(options.pattern, marks),
    eyes(options.eyes, IRIS[options.eye_colour]),
    `<path d="M59 86 L69 86 L64 92 Z" fill="${line}"/>`,
    `<path d="M64 92 Q60 99 54 96 M64 92 Q68 99 74 96" stroke="${line}" stroke-width="3" fill="none" stroke-linecap="round"/>`,
    `<path d="M14 84 L40 88 M16 96 L40 94 M114 84 L88 88 M112 96 L88 94" stroke="${line}" stroke-width="2.2" stroke-linecap="round"/>`,
    accessory(options.accessory, trim, line),
  ];
  return (
    // A margin round the 128-unit drawing: tufted ears reach y=0 and the scarf y=130, strokes included.
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-5 -5 138 138" width="128" height="128" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>${parts.join("")}</svg>`
  );
}

/** The accessory's colour: a palette colour that stands out from the fur. */
function pickTrim(options: KittenOptions, palette: Palette): string {
  const order: Swatch[] = ["accent", "secondary", "primary"];
  const choice = order.find((s) => s !== options.fur && s !== options.background) ?? "white";
  return colourOf(choice, palette);
}

function ears(kind: KittenOptions["ears"], fur: string, inner: string, line: string): string {
  const stroke = `stroke="${line}" stroke-width="4" stroke-linejoin="round"`;
  switch (kind) {
    case "round":
      return `<circle cx="32" cy="40" r="17" fill="${fur}" ${stroke}/><circle cx="96" cy="40" r="17" fill="${fur}" ${stroke}/><circle cx="33" cy="41" r="8" fill="${inner}"/><circle cx="95" cy="41" r="8" fill="${inner}"/>`;
    case "folded":
      return `<path d="M26 56 L30 22 L60 40 Z" fill="${fur}" ${stroke}/><path d="M102 56 L98 22 L68 40 Z" fill="${fur}" ${stroke}/><path d="M30 22 L44 38 L30 42 Z" fill="${inner}" ${stroke}/><path d="M98 22 L84 38 L98 42 Z" fill="${inner}" ${stroke}/>`;
    case "tufted":
      return `<path d="M24 58 L28 8 L60 40 Z" fill="${fur}" ${stroke}/><path d="M104 58 L100 8 L68 40 Z" fill="${fur}" ${stroke}/><path d="M28 8 L24 0 M28 8 L32 1 M100 8 L96 1 M100 8 L104 0" stroke="${line}" stroke-width="3" stroke-linecap="round"/><path d="M32 26 L34 46 L46 40 Z" fill="${inner}"/><path d="M96 26 L94 46 L82 40 Z" fill="${inner}"/>`;
    default:
      return `<path d="M24 58 L30 14 L60 40 Z" fill="${fur}" ${stroke}/><path d="M104 58 L98 14 L68 40 Z" fill="${fur}" ${stroke}/><path d="M32 28 L34 46 L46 40 Z" fill="${inner}"/><path d="M96 28 L94 46 L82 40 Z" fill="${inner}"/>`;
  }
}

function pattern(kind: KittenOptions["pattern"], marks: string): string {
  switch (kind) {
    case "stripes":
      return `<path d="M54 40 L56 52 M64 37 L64 51 M74 40 L72 52 M22 70 L32 72 M106 70 L96 72" stroke="${marks}" stroke-width="5" stroke-linecap="round"/>`;
    case "patch":
      return `<ellipse cx="46" cy="70" rx="17" ry="15" fill="${marks}"/>`;
    case "muzzle":
      return `<ellipse cx="64" cy="94" rx="22" ry="15" fill="${marks}"/>`;
    default:
      return "";
  }
}

function openEye(x: number, iris: string, big: boolean): string {
  const rx = big ? 9 : 7;
  const ry = big ? 11 : 9;
  return `<ellipse cx="${x}" cy="70" rx="${rx}" ry="${ry}" fill="${iris}" stroke="${INK}" stroke-width="1.5"/><ellipse cx="${x}" cy="71" rx="${big ? 4 : 3}" ry="${big ? 8 : 6.5}" fill="${INK}"/><circle cx="${x + 2.5}" cy="66" r="${big ? 2.6 : 2}" fill="#ffffff"/>`;
}

function eyes(kind: KittenOptions["eyes"], iris: string): string {
  const arc = (x: number) =>
    `<path d="M${x - 8} 72 Q${x} 62 ${x + 8} 72" stroke="${INK}" stroke-width="3.5" fill="none" stroke-linecap="round"/>`;
  const lid = (x: number) =>
    `<path d="M${x - 8} 70 Q${x} 76 ${x + 8} 70" stroke="${INK}" stroke-width="3.5" fill="none" stroke-linecap="round"/>`;
  switch (kind) {
    case "big":
      return openEye(46, iris, true) + openEye(82, iris, true);
    case "happy":
      return arc(46) + arc(82);
    case "sleepy":
      return lid(46) + lid(82);
    case "wink":
      return openEye(46, iris, false) + arc(82);
    default:
      return openEye(46, iris, false) + openEye(82, iris, false);
  }
}

function headphonesBand(): string {
  return `<path d="M22 74 Q20 20 64 20 Q108 20 106 74" stroke="${INK}" stroke-width="7" fill="none"/>`;
}

function accessory(kind: KittenOptions["accessory"], trim: string, line: string): string {
  switch (kind) {
    case "bow":
      return `<path d="M86 40 L74 30 L74 50 Z M86 40 L98 30 L98 50 Z" fill="${trim}" stroke="${line}" stroke-width="2.5" stroke-linejoin="round"/><circle cx="86" cy="40" r="4.5" fill="${trim}" stroke="${line}" stroke-width="2.5"/>`;
    case "glasses":
      return `<circle cx="46" cy="70" r="12" fill="none" stroke="${INK}" stroke-width="3"/><circle cx="82" cy="70" r="12" fill="none" stroke="${INK}" stroke-width="3"/><path d="M58 69 Q64 65 70 69 M34 68 L22 64 M94 68 L106 64" stroke="${INK}" stroke-width="3" fill="none"/>`;
    case "scarf":
      return `<path d="M30 104 Q64 120 98 104 L100 116 Q64 130 28 116 Z" fill="${trim}" stroke="${line}" stroke-width="2.5"/><path d="M84 116 L90 128 L100 126 L94 112 Z" fill="${trim}" stroke="${line}" stroke-width="2.5"/>`;
    case "flower":
      return `<g fill="${trim}" stroke="${line}" stroke-width="1.5"><circle cx="36" cy="34" r="6"/><circle cx="46" cy="38" r="6"/><circle cx="44" cy="49" r="6"/><circle cx="32" cy="48" r="6"/><circle cx="28" cy="39" r="6"/></g><circle cx="37" cy="42" r="5" fill="#ffffff" stroke="${line}" stroke-width="1.5"/>`;
    case "hat":
      return `<path d="M44 40 L64 2 L84 40 Z" fill="${trim}" stroke="${line}" stroke-width="3" stroke-linejoin="round"/><path d="M52 30 L76 30 M57 20 L71 20" stroke="#ffffff" stroke-width="3"/><circle cx="64" cy="4" r="5" fill="#ffffff" stroke="${line}" stroke-width="2"/>`;
    case "headphones":
      return `<rect x="12" y="60" width="16" height="28" rx="7" fill="${trim}" stroke="${INK}" stroke-width="3"/><rect x="100" y="60" width="16" height="28" rx="7" fill="${trim}" stroke="${INK}" stroke-width="3"/>`;
    default:
      return "";
  }
}
