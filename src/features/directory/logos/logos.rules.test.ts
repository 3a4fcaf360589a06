import { describe, expect, it } from "vitest";
import { fitIn, imageSize, judgeLogo, LOGO_MAX_BYTES, sniffImage } from "./logos.js";
import { demoLogoPng } from "./logos.demo.js";

const png = demoLogoPng("rules", 40, 20);

function gif(width: number, height: number): Buffer {
  const b = Buffer.alloc(32);
  b.write("GIF89a", 0, "latin1");
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return b;
}

function jpeg(width: number, height: number): Buffer {
  // SOI, an APP0 segment to skip, then a baseline start-of-frame.
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46]);
  const sof = Buffer.alloc(19);
  sof.set([0xff, 0xc0, 0x00, 0x11, 0x08]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(8)]);
}

function webpVp8x(width: number, height: number): Buffer {
  const b = Buffer.alloc(40);
  b.write("RIFF", 0, "latin1");
  b.writeUInt32LE(32, 4);
  b.write("WEBPVP8X", 8, "latin1");
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

describe("logo files", () => {
  it("recognises PNG, JPEG, GIF and WebP by their first bytes and reads their size", () => {
    expect(sniffImage(png)).toBe("image/png");
    expect(imageSize(png, "image/png")).toEqual({ width: 40, height: 20 });
    expect(sniffImage(gif(30, 10))).toBe("image/gif");
    expect(imageSize(gif(30, 10), "image/gif")).toEqual({ width: 30, height: 10 });
    expect(sniffImage(jpeg(300, 200))).toBe("image/jpeg");
    expect(imageSize(jpeg(300, 200), "image/jpeg")).toEqual({ width: 300, height: 200 });
    expect(sniffImage(webpVp8x(500, 250))).toBe("image/webp");
    expect(imageSize(webpVp8x(500, 250), "image/webp")).toEqual({ width: 500, height: 250 });
    expect(sniffImage(Buffer.from("<!doctype html><html>"))).toBeNull();
  });

  it("accepts a raster image labelled as what it is, generically, or not at all", () => {
    expect(judgeLogo(png, "image/png")).toMatchObject({ ok: true, type: "image/png" });
    expect(judgeLogo(png, "application/octet-stream")).toMatchObject({ ok: true });
    expect(judgeLogo(png, undefined)).toMatchObject({ ok: true });
    expect(judgeLogo(jpeg(10, 10), "image/jpg; charset=binary")).toMatchObject({ ok: true });
  });

  it("refuses SVG however it is labelled, non-images, lying labels, huge files and huge pictures", () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(judgeLogo(svg, "image/svg+xml")).toEqual({ ok: false, reason: "svg" });
    expect(judgeLogo(svg, "image/png")).toEqual({ ok: false, reason: "svg" });
    expect(judgeLogo(png, "image/svg+xml")).toEqual({ ok: false, reason: "svg" });
    expect(judgeLogo(Buffer.from("<html></html>"), "image/png")).toEqual({
      ok: false,
      reason: "not-an-image",
    });
    expect(judgeLogo(png, "image/jpeg")).toEqual({ ok: false, reason: "type-mismatch" });
    expect(judgeLogo(png, "text/html")).toEqual({ ok: false, reason: "type-mismatch" });
    expect(judgeLogo(Buffer.alloc(0), "image/png")).toEqual({ ok: false, reason: "empty" });
    const big = Buffer.concat([png, Buffer.alloc(LOGO_MAX_BYTES)]);
    expect(judgeLogo(big, "image/png")).toEqual({ ok: false, reason: "too-large" });
    expect(judgeLogo(gif(5000, 10), "image/gif")).toEqual({ ok: false, reason: "dimensions" });
    expect(judgeLogo(png.subarray(0, 12), "image/png")).toEqual({ ok: false, reason: "not-an-image" });
  });

  it("fits a logo in a square box without distorting it", () => {
    expect(fitIn({ width: 160, height: 96 }, 64)).toEqual({ width: 64, height: 38 });
    expect(fitIn({ width: 10, height: 40 }, 32)).toEqual({ width: 8, height: 32 });
  });
});
