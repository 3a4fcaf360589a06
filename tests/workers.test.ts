import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, get } from "node:http";
import { createTestDatabase, type TestDatabase } from "./helpers/db.js";
import { freePort } from "./helpers/platform.js";
import { spawnPlatform, type PlatformProcess } from "./helpers/process.js";
import { TestClient } from "./helpers/client.js";
import { makePerson, TEST_PASSWORD } from "./helpers/factories.js";

/**
 * `WORKERS=2`: two platform processes under one supervisor, sharing the port (decision 075).
 * Node's primary hands each new connection to the next worker in turn, so requests on fresh
 * connections reach both.
 */

let db: TestDatabase;
beforeAll(async () => {
  // The leader applies the migrations.
  db = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await db.drop();
});

/** One GET on a connection of its own (no keep-alive), so that the primary picks the next worker. */
function fresh(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent: false, headers: { connection: "close" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url} in 10 s`)));
    req.on("error", reject);
  });
}

async function workersAnswering(url: string, tries = 6): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let i = 0; i < tries; i++) {
    const res = await fresh(`${url}/healthz`);
    const body: unknown = JSON.parse(res.body);
    if (typeof body === "object" && body !== null && "worker" in body && typeof body.worker === "number")
      seen.add(body.worker);
  }
  return seen;
}

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const readyPids = (output: string, slot: number): number[] =>
  output
    .split("\n")
    .filter((line) => line.includes('"worker ready"') && line.includes(`"slot":${slot},`))
    .map((line) => Number(/"pid":(\d+)/.exec(line)?.[1]));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("several workers sharing the port", () => {
  let platform: PlatformProcess;

  it("start the leader, then the others, and every worker answers", async () => {
    platform = await spawnPlatform({ DATABASE_URL: db.url, WORKERS: "2", JOBS: "off" }, await freePort());
    await until("both workers", async () => (await workersAnswering(platform.url)).size === 2);
    expect(readyPids(platform.output(), 0)).toHaveLength(1);
    expect(readyPids(platform.output(), 1)).toHaveLength(1);
    // The leader applied the migrations and listened before the other one was started.
    const out = platform.output();
    expect(out.indexOf('"slot":0,')).toBeLessThan(out.indexOf('"slot":1,'));
  });

  it("show an administrator's edit made in one worker on the pages of both", async () => {
    const admin = await makePerson(db.handle.db, { admin: true });
    const before = await Promise.all([1, 2, 3, 4].map(() => fresh(`${platform.url}/en/services`)));
    for (const page of before) expect(page.body).not.toContain("Pads shared by workers");
    const client = new TestClient(platform.url);
    await client.login(admin.email, TEST_PASSWORD, "en");
    const edited = await client.submit("/en/admin/categories", "/en/admin/categories/pad", {
      name_fr: "Pads partagés",
      name_en: "Pads shared by workers",
      name_de: "",
      family: "work",
      description_fr: "",
      description_en: "",
      position: "1",
    });
    expect(edited.status).toBe(303);
    // Both workers' cached pages and directory snapshots see the edit within their recheck.
    await until("the edit on every worker", async () => {
      const pages = await Promise.all([1, 2, 3, 4].map(() => fresh(`${platform.url}/en/services`)));
      return pages.every((p) => p.status === 200 && p.body.includes("Pads shared by workers"));
    });
  });

  it(
    "start a worker that dies again in its slot, and the others answer meanwhile",
    { timeout: 60_000 },
    async () => {
      const [first] = readyPids(platform.output(), 1);
      if (first === undefined) throw new Error("no worker in slot 1");
      process.kill(first, "SIGKILL");
      // Once the primary knows (a connection handed to the worker as it died is lost with it).
      await until("the death noticed", async () => platform.output().includes('"worker died"'));
      const during = await Promise.all([1, 2, 3].map(() => fresh(`${platform.url}/healthz`)));
      for (const res of during) expect(res.status).toBe(200);
      await until("a new worker in slot 1", async () => readyPids(platform.output(), 1).length === 2).catch(
        (error: unknown) => {
          throw new Error(`${String(error)}\n${platform.output().slice(-3000)}`);
        },
      );
      const [, second] = readyPids(platform.output(), 1);
      expect(second).not.toBe(first);
      await until("both workers again", async () => (await workersAnswering(platform.url)).size === 2);
    },
  );

  it("stop every worker on SIGTERM to the primary, and exit with 0", async () => {
    const pids = [...readyPids(platform.output(), 0), ...readyPids(platform.output(), 1)].filter(alive);
    expect(pids).toHaveLength(2);
    platform.child.kill("SIGTERM");
    expect(await platform.exited).toBe(0);
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });

  it("give up at once, with the reason, when the leader cannot listen", async () => {
    const port = await freePort();
    const taken = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
    try {
      await expect(spawnPlatform({ DATABASE_URL: db.url, WORKERS: "2", JOBS: "off" }, port)).rejects.toThrow(
        /worker 0 stopped before it listened/,
      );
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
