import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { renderMarkdown } from "../../src/features/site/markdown.js";
import {
  validate,
  text,
  optionalUrl,
  email,
  longText,
  optionalNumber,
  choices,
  optionalDate,
} from "../../src/http/forms.js";
import { z } from "zod";
import { usingPostgres } from "../helpers/db.js";

/**
 * 100,000 generated inputs each: the Markdown renderer and the form validators must never throw,
 * never take more than 100 ms on one input, and never let markup through.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "<iframe src=https://evil.example>",
    '<a href="data:text/html,<script>">x</a>',
    "<svg onload=alert(1)>",
    "![img](https://tracker.example/pixel.gif)",
    "<style>body{}</style>",
    "```\n<script>\n```",
    "<<script>script>",
    "[a]: javascript:alert(1)\n[b][a]",
  ),
);
const markdownish = fc
  .array(
    fc.oneof(
      hostile,
      fc.constantFrom("# ", "**", "_", "[", "](", ")", "\n", "> ", "- ", "`", "<", ">", "&", '"', "'"),
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(""));

const SAFE_TAGS = new Set(
  "h1 h2 h3 h4 p ul ol li a em strong code pre blockquote hr br table thead tbody tr th td abbr dl dt dd del sup sub".split(
    " ",
  ),
);

/**
 * CPU time of one call, in ms. A slow input is measured again (up to three times, keeping the
 * fastest): a real hang is slow every time, whereas a garbage collection or the other test files
 * running in parallel only slow one attempt.
 */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const measure = () => {
    const before = process.cpuUsage();
    const value = fn();
    const used = process.cpuUsage(before);
    return { value, ms: (used.user + used.system) / 1000 };
  };
  let best = measure();
  for (let attempt = 1; attempt < 3 && best.ms >= 100; attempt++) {
    const again = measure();
    if (again.ms < best.ms) best = again;
  }
  return best;
}

// No database involved: run once, in the SQLite pass of CI.
describe.skipIf(usingPostgres())(`fuzzing (${RUNS} runs each)`, () => {
  it("renders any Markdown to HTML without scripts, event handlers, foreign loads or dangerous links", () => {
    let slowest = 0;
    fc.assert(
      fc.property(markdownish, (source) => {
        const { value: html, ms } = timed(() => renderMarkdown(source));
        slowest = Math.max(slowest, ms);
        expect(ms).toBeLessThan(100);
        // Text is escaped, so every literal "<" opens a real element: inspect each one.
        for (const [, name = "", attributes = ""] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
          expect(SAFE_TAGS.has(name.toLowerCase()), name).toBe(true);
          for (const [, attr = "", value = ""] of attributes.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
            expect(["href", "title", "hreflang", "scope", "id"], attr).toContain(attr.toLowerCase());
            if (attr.toLowerCase() === "href") {
              // Relative links are harmless; any scheme other than these, or "//host", is not.
              const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
              if (scheme) expect(["http", "https", "mailto"]).toContain(scheme);
              expect(value.startsWith("//")).toBe(false);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    expect(slowest).toBeLessThan(100);
  }, 600_000);

  it("validates any form input without throwing, and keeps only well-formed values", () => {
    const schema = z.object({
      name: text(100),
      website: optionalUrl(),
      email: email(),
      description: longText(2000),
      latitude: optionalNumber(-90, 90),
      languages: choices(["fr", "en", "de"]),
      since: optionalDate(),
    });
    const field = fc.oneof(
      fc.string({ maxLength: 200 }),
      hostile,
      fc.constant(""),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            "name",
            "website",
            "email",
            "description",
            "latitude",
            "languages",
            "since",
            "_csrf",
            "__proto__",
            "constructor",
          ),
          field,
        ),
        (raw) => {
          const { value: result, ms } = timed(() => validate(schema, raw));
          expect(ms).toBeLessThan(100);
          if (result.ok) {
            expect(result.data.name.length).toBeGreaterThan(0);
            expect(result.data.name.length).toBeLessThanOrEqual(100);
            if (result.data.website) expect(result.data.website).toMatch(/^https?:\/\//);
            expect(result.data.email).toMatch(/@/);
            if (result.data.latitude !== undefined)
              expect(Math.abs(result.data.latitude)).toBeLessThanOrEqual(90);
            for (const l of result.data.languages) expect(["fr", "en", "de"]).toContain(l);
          } else {
            expect(Object.keys(result.errors).length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
