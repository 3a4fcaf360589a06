import { cpus, totalmem } from "node:os";

/** One line describing the machine, printed with every figure. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

/**
 * The command run on the given CPUs only (taskset's list, "0" or "0,1"), when asked: with the
 * generator on the other core (BENCH_WRK_CPUS), wrk's latencies no longer include its own wait for
 * a core the server holds. taskset execs the program, so the pid is the program's.
 */
export function pinned(command: string[], cpus: string | undefined): string[] {
  return cpus ? ["taskset", "-c", cpus, ...command] : command;
}
