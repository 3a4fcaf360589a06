/**
 * At most `total` probes at once and `perHost` against one host, so a round is quick without
 * hammering a member whose many services share a server. A probe waits for its host's slot before
 * taking a global one, so a busy host never idles the others.
 */
export interface HostLimiter {
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}

class Slots {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async take(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }
  give(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
  get idle(): boolean {
    return this.active === 0 && this.queue.length === 0;
  }
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
};

export function hostLimiter(total: number, perHost: number): HostLimiter {
  const global = new Slots(Math.max(1, total));
  const hosts = new Map<string, Slots>();
  return {
    async run(url, task) {
      const host = hostOf(url);
      let slots = hosts.get(host);
      if (!slots) {
        slots = new Slots(Math.max(1, perHost));
        hosts.set(host, slots);
      }
      await slots.take();
      try {
        await global.take();
        try {
          return await task();
        } finally {
          global.give();
        }
      } finally {
        slots.give();
        if (slots.idle) hosts.delete(host);
      }
    },
  };
}
