import { createHmac } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppContext } from "./context.js";

/**
 * The visitor's address as the platform can trust it. Behind `hops` reverse proxies, each proxy
 * appends the address it received the request from to X-Forwarded-For; whatever the visitor sent
 * is on the left and cannot be trusted, so the visitor is the entry `hops` places from the right.
 * A header with fewer entries did not come through the proxies: the socket's address is used.
 */
export function clientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  hops: number,
): string {
  if (hops > 0 && forwardedFor) {
    const entries = forwardedFor
      .split(",")
      .map((e) => e.trim())
      .filter((e) => e !== "");
    const entry = entries[entries.length - hops];
    if (entry && entries.length >= hops) return entry;
  }
  return socketAddress || "unknown";
}

/**
 * A keyed hash of the visitor's address, for rate limits only. The address itself is never stored
 * or logged; the hash changes with the platform secret and lives only as long as a limit window.
 */
export function clientKey(c: AppContext): string {
  const { config, secret } = c.get("deps");
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    socket = undefined;
  }
  // Several X-Forwarded-For lines count as one list, in order.
  const forwarded = c.req.raw.headers.get("x-forwarded-for") ?? undefined;
  const address = clientAddress(forwarded, socket, config.trustProxy);
  return createHmac("sha256", secret).update(`ip:${address}`).digest("base64url").slice(0, 22);
}

/**
 * A sliding-window limiter in memory, per instance, for keys we do not want even hashed in the
 * database. Each key keeps the times of its accepted hits within the window (at most `limit`).
 */
export class MemoryLimiter {
  private hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a hit; true while the key is within its limit. */
  hit(key: string, now = Date.now()): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    if (!this.hits.has(key) && this.hits.size > 10_000) this.prune(now);
    this.hits.set(key, recent);
    return true;
  }

  /** Gives back the last hit of `key` (a sign-in that succeeded should not count against the address). */
  refund(key: string): void {
    this.hits.get(key)?.pop();
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits)
      if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
  }
}
