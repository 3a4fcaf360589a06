/**
 * Bounded concurrency with a per-host cap: at most `total` tasks run at once and at most `perHost`
 * against one host, so a federation is crawled quickly without hammering any member's server.
 * A task waits for its host slot before taking a global slot, so a busy host never idles the rest.
 */
export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

class Semaphore {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }
  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
  get idle(): boolean {
    return this.active === 0 && this.queue.length === 0;
  }
}

export function createHostLimiter(total: number, perHost: number): HostLimiter {
  const global = new Semaphore(Math.max(1, total));
  const hosts = new Map<string, Semaphore>();
  return {
    async run(host, task) {
      let hostSem = hosts.get(host);
      if (!hostSem) {
        hostSem = new Semaphore(Math.max(1, perHost));
        hosts.set(host, hostSem);
      }
      await hostSem.acquire();
      try {
        await global.acquire();
        try {
          return await task();
        } finally {
          global.release();
        }
      } finally {
        hostSem.release();
        if (hostSem.idle) hosts.delete(host);
      }
    },
  };
}

/** Runs `worker` over `items` with at most `concurrency` at a time; results in input order. */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(Math.max(1, concurrency), items.length) }, async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      const item = items[index];
      if (item === undefined) return;
      results[index] = await worker(item, index);
    }
  });
  await Promise.all(lanes);
  return results;
}
