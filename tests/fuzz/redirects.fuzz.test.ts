import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeNext } from "../../src/features/accounts/accounts.schema.js";
import { usingPostgres } from "../helpers/db.js";

/**
 * Where a "next" parameter may send someone after signing in: whatever string an attacker puts
 * there, the browser ends up on the platform's own origin. The WHATWG URL parser Node uses is the
 * browsers' one, so resolving the result against the platform's address is what a browser does.
 */
const ORIGIN = "https://chatons.example.org";
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

const lands = (next: string) => new URL(safeNext(next, "/fr/account"), `${ORIGIN}/fr/login`).origin;

describe.skipIf(usingPostgres())("redirect targets", () => {
  it("refuses the known open-redirect shapes", () => {
    for (const hostile of [
      "//evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/ /evil.example",
      "/\u0000/evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      " /fr/account",
    ]) {
      expect(safeNext(hostile, "/fallback"), JSON.stringify(hostile)).toBe("/fallback");
    }
    expect(safeNext("/fr/members?q=a%20b#top", "/fallback")).toBe("/fr/members?q=a%20b#top");
  });

  it("always lands on the platform's origin, whatever the input", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        "/",
        "//",
        "\\",
        "\t",
        "\n",
        "\r",
        " ",
        "%2f",
        "%5c",
        "@",
        ":",
        "evil.example",
        "\u3000",
        "\u00a0",
        "\u2028",
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const next = parts.join("");
        expect(lands(next)).toBe(ORIGIN);
      }),
      { numRuns: RUNS },
    );
  });
});
