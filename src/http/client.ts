import { createHmac } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppContext } from "./context.js";

/**
 * A keyed hash of the visitor's address, for rate limits only. The address itself is never stored
 * or logged; the hash changes with the platform secret and is kept only for a limit window.
 */
export function clientKey(c: AppContext): string {
  const { config, secret } = c.get("deps");
  let address = "unknown";
  if (config.trustProxy) {
    address = c.req.header("x-forwarded-for")?.split(",")[0]?.trim() || address;
  }
  if (address === "unknown") {
    try {
      address = getConnInfo(c).remote.address ?? "unknown";
    } catch {
      address = "unknown";
    }
  }
  return createHmac("sha256", secret).update(`ip:${address}`).digest("base64url").slice(0, 22);
}

/** An in-memory limiter per instance, for keys we do not want even hashed in the database. */
export class MemoryLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a hit; true while the key is within its limit. */
  hit(key: string, now = Date.now()): boolean {
    const current = this.windows.get(key);
    if (!current || now - current.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    current.count++;
    return current.count <= this.limit;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
