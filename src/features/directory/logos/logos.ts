import { createHash } from "node:crypto";

/**
 * What the platform accepts as a member's logo (decision 014): raster images only, recognised from
 * their first bytes, never from the Content-Type alone. SVG is refused because it may carry scripts
 * and external references; anything else (HTML error pages, archives) because it is not an image.
 */

export const LOGO_MAX_BYTES = 256 * 1024;
/** A small file may still declare a huge picture (a decompression bomb for browsers). */
export const LOGO_MAX_SIDE = 2048;

export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export const isLogoType = (value: string | null): value is LogoType => LOGO_TYPES.some((t) => t === value);

/** Why a logo was not taken; each has a message in logos.messages.ts. */
export const LOGO_REFUSALS = [
  "svg",
  "not-an-image",
  "type-mismatch",
  "too-large",
  "dimensions",
  "empty",
  "http-error",
  "unreachable",
  "blocked-address",
  "timeout",
] as const;
export type LogoRefusal = (typeof LOGO_REFUSALS)[number];

export const isLogoRefusal = (value: string | null): value is LogoRefusal =>
  LOGO_REFUSALS.some((r) => r === value);

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** The raster type the bytes really are, or null. */
export function sniffImage(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

/** Looks like SVG whatever it was labelled: an XML or <svg start within the first bytes. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString("latin1").trimStart().toLowerCase();
  return head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"));
}

function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  if (!type) return undefined;
  return type === "image/jpg" || type === "image/pjpeg" ? "image/jpeg" : type;
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 65_536 + u16be(b, i + 2);

function jpegSize(b: Uint8Array): Size | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    // Start-of-frame markers carry the size; C4 (Huffman), C8 and CC (arithmetic) are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { width: u16be(b, i + 7), height: u16be(b, i + 5) };
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): Size | null {
  const chunk = Buffer.from(b.subarray(12, 16)).toString("latin1");
  if (chunk === "VP8 ") return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

export interface Size {
  width: number;
  height: number;
}

/** The picture's size in pixels, read from its header; null when the header is broken. */
export function imageSize(bytes: Uint8Array, type: LogoType): Size | null {
  const size =
    type === "image/png"
      ? { width: u32be(bytes, 16), height: u32be(bytes, 20) }
      : type === "image/gif"
        ? { width: u16le(bytes, 6), height: u16le(bytes, 8) }
        : type === "image/jpeg"
          ? jpegSize(bytes)
          : webpSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

/** Width and height attributes that fit the logo in a square box without distorting it. */
export function fitIn(size: Size, box: number): Size {
  const scale = box / Math.max(size.width, size.height);
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

/**
 * Judges a fetched body. The declared type may be missing or generic (octet-stream); when it names
 * something else than what the bytes are, the file is refused: a server that lies about one thing
 * may lie about others, and browsers must never be told to guess.
 */
export function judgeLogo(
  body: Uint8Array,
  contentType: string | undefined,
): { ok: true; type: LogoType; size: Size } | { ok: false; reason: LogoRefusal } {
  const declared = mediaType(contentType);
  if (declared === "image/svg+xml" || looksLikeSvg(body)) return { ok: false, reason: "svg" };
  if (body.length === 0) return { ok: false, reason: "empty" };
  if (body.length > LOGO_MAX_BYTES) return { ok: false, reason: "too-large" };
  const sniffed = sniffImage(body);
  if (!sniffed) return { ok: false, reason: "not-an-image" };
  if (declared && declared !== "application/octet-stream" && declared !== sniffed)
    return { ok: false, reason: "type-mismatch" };
  const size = imageSize(body, sniffed);
  if (!size) return { ok: false, reason: "not-an-image" };
  if (size.width > LOGO_MAX_SIDE || size.height > LOGO_MAX_SIDE) return { ok: false, reason: "dimensions" };
  return { ok: true, type: sniffed, size };
}

export const hashBytes = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The public address of a stored logo, versioned by its hash so browsers may keep it for long. */
export function logoPath(slug: string, hash: string): string {
  return `/members/${encodeURIComponent(slug)}/logo?v=${hash.slice(0, 16)}`;
}
