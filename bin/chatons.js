#!/usr/bin/env node
// Entry point of the `chatons` command: runs the compiled CLI (npm run build makes dist/).
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("chatons is not built yet: run `npm run build` first (npm start does it for you).");
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
