import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The structure rules of docs/ARCHITECTURE.md that a type check alone cannot see: no import cycle
 * at run time, and an owner's view of the database (made by `ownedTables`) used only inside its
 * owner's folder, so that other features go through what the owner publishes.
 */

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), ".."));
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles(SRC);
const text = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));

function resolveImport(from: string, spec: string): string | undefined {
  const base = normalize(join(dirname(from), spec)).replace(/\.js$/, "");
  return [`${base}.ts`, `${base}.tsx`].find((candidate) => text.has(candidate));
}

/** Imports that exist at run time: `import type` and all-`type` brace lists are erased. */
function runtimeImports(file: string): string[] {
  const source = text.get(file) ?? "";
  const out: string[] = [];
  for (const match of source.matchAll(
    /^import\s+(?!type\b)([^;]*?)\s*from\s+["'](\.{1,2}\/[^"']+)["'];/gms,
  )) {
    const bindings = match[1] ?? "";
    const braces = /^\{([^}]*)\}$/.exec(bindings.trim());
    if (braces?.[1] && braces[1].split(",").every((b) => b.trim() === "" || b.trim().startsWith("type ")))
      continue;
    const target = resolveImport(file, match[2] ?? "");
    if (target) out.push(target);
  }
  for (const match of source.matchAll(/^import\s+["'](\.{1,2}\/[^"']+)["'];/gm)) {
    const target = resolveImport(file, match[1] ?? "");
    if (target) out.push(target);
  }
  return out;
}

function cycles(): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      for (;;) {
        const w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(relative(SRC, w));
        if (w === v) break;
      }
      if (component.length > 1) found.push(component);
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

/** Folders that own tables, from the files that make an owner view. */
function ownerViews(): { view: string; folder: string }[] {
  const views: { view: string; folder: string }[] = [];
  for (const [file, source] of text)
    for (const match of source.matchAll(/(?:export\s+)?const\s+(\w+)\s*=\s*ownedTables</g))
      if (match[1]) views.push({ view: match[1], folder: dirname(file) });
  return views;
}

describe("the structure of the code", () => {
  it("has no import cycle at run time", () => {
    expect(cycles()).toEqual([]);
  });

  it("uses an owner's view of the database only inside the owner's folder", () => {
    const views = ownerViews().filter((v) => /Db$/.test(v.view));
    expect(views.map((v) => v.view)).toContain("directoryDb");
    const reaches: string[] = [];
    for (const [file, source] of text)
      for (const { view, folder } of views) {
        if (file.startsWith(`${folder}/`) || dirname(file) === folder) continue;
        if (new RegExp(`\\b${view}\\b`).test(source)) reaches.push(`${relative(SRC, file)} uses ${view}`);
      }
    expect(reaches).toEqual([]);
  });
});
