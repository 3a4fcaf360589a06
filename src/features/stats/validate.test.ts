import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import { toCount } from "../../db/adapter.js";
import { checkCommand } from "./validate.js";
import { wholeDb } from "../../db/adapter.js";

/** The validator page and `chatons check`: the crawl's report for one file, nothing stored. */

let t: TestPlatform;
let site: FakeServer;
const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));
const GOOD =
  "file.class = service\nfile.protocol = ChatonsInfos-0.5\nservice.name = Pad\nservice.website = https://pad.example.org\nsoftware.name = Etherpad\n";

beforeAll(async () => {
  t = await startTestPlatform();
  site = await startFakeServer((req, res) => {
    res.setHeader("content-type", "text/plain; charset=utf-8");
    const found = req.url === "/pad.properties";
    res.statusCode = found ? 200 : 404;
    res.end(found ? "file.class = service\nservice.website = nope\n" : "not found");
  });
}, 60_000);
afterAll(async () => {
  await site.close();
  await t.stop();
});

const stored = async () => {
  const files = await wholeDb(t.deps.db)
    .selectFrom("stats_files")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  const contents = await wholeDb(t.deps.db)
    .selectFrom("stats_contents")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return toCount(files?.n) + toCount(contents?.n);
};

describe("the validator page", () => {
  it("checks a pasted file as the crawl does, in the reader's language, storing nothing", async () => {
    const client = t.client();
    const res = await client.submit("/fr/stats/check", "/fr/stats/check", {
      url: "",
      content: "file.class = service\nservice.website = pas une adresse\n",
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Adresse web invalide.");
    expect(res.text).toContain("Valeur lue : « pas une adresse »");
    expect(res.text).toContain("Propriété obligatoire absente.");
    expect(await stored()).toBe(0);
  });

  it("fetches a file at an address through the outbound module", async () => {
    const res = await t
      .client()
      .submit("/en/stats/check", "/en/stats/check", { url: `${site.url}/pad.properties`, content: "" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Invalid web address.");
    const missing = await t
      .client()
      .submit("/en/stats/check", "/en/stats/check", { url: `${site.url}/none.properties`, content: "" });
    expect(missing.text).toContain("HTTP");
    expect(await stored()).toBe(0);
  });

  it("refuses a form without its CSRF token, and a visitor checking too often", async () => {
    const client = t.client();
    expect((await client.post("/fr/stats/check", { content: GOOD })).status).toBe(403);
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push(
        (await client.submit("/fr/stats/check", "/fr/stats/check", { url: "", content: GOOD })).status,
      );
    expect(statuses[0]).toBe(200);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("chatons check", () => {
  it("exits 1 on a file with errors and 0 on a clean one, from a path or an address", async () => {
    expect(await checkCommand.run(t.deps, [fixture("service-broken.properties")])).toBe(1);
    expect(await checkCommand.run(t.deps, [fixture("service-pad.properties")])).toBe(0);
    expect(await checkCommand.run(t.deps, [`${site.url}/pad.properties`])).toBe(1);
    expect(await checkCommand.run(t.deps, [`${site.url}/none.properties`])).toBe(1);
  });
});
