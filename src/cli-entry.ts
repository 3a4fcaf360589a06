// Runs the CLI from source (tsx): `npx tsx src/cli-entry.ts <command>`. The installed command is bin/chatons.js.
import { main } from "./cli.js";

process.exitCode = await main(process.argv.slice(2));
