import { describe, expect, it } from "vitest";
import { createHostLimiter, mapPool } from "./limiter.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("host limiter", () => {
  it("never runs more than the total, nor more than the per-host cap against one host", async () => {
    const limiter = createHostLimiter(4, 2);
    const active = new Map<string, number>();
    let total = 0;
    let maxTotal = 0;
    const maxHost = new Map<string, number>();
    const tasks = Array.from({ length: 40 }, (_, i) => `host-${i % 5}`).map((host) =>
      limiter.run(host, async () => {
        total++;
        active.set(host, (active.get(host) ?? 0) + 1);
        maxTotal = Math.max(maxTotal, total);
        maxHost.set(host, Math.max(maxHost.get(host) ?? 0, active.get(host) ?? 0));
        await tick();
        total--;
        active.set(host, (active.get(host) ?? 1) - 1);
        return host;
      }),
    );
    const done = await Promise.all(tasks);
    expect(done).toHaveLength(40);
    expect(maxTotal).toBe(4);
    expect(Math.max(...maxHost.values())).toBeLessThanOrEqual(2);
  });

  it("holds a single busy host to its cap while the total would allow more", async () => {
    const limiter = createHostLimiter(8, 2);
    let active = 0;
    let max = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limiter.run("one", async () => {
          active++;
          max = Math.max(max, active);
          await tick();
          active--;
        }),
      ),
    );
    expect(max).toBe(2);
  });

  it("releases its slots when a task fails", async () => {
    const limiter = createHostLimiter(1, 1);
    await expect(limiter.run("h", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limiter.run("h", async () => "ok")).toBe("ok");
  });

  it("maps a pool in input order", async () => {
    expect(await mapPool([3, 1, 2], 2, async (n) => n * 2)).toEqual([6, 2, 4]);
    expect(await mapPool([], 4, async (n: number) => n)).toEqual([]);
  });
});
