import { analyseText, type Analysis } from "./analysis.js";

/** The worker side of pool.ts: piscina calls the default export with each task. */
export default function analyse(task: { text: string; fresh: boolean }): Analysis {
  return analyseText(task.text, task.fresh);
}
