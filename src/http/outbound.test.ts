import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOutbound,
  isForbiddenAddress,
  OutboundError,
  type Resolver,
  type Outbound,
} from "./outbound.js";
import { startFakeServer, type FakeServer } from "../../tests/helpers/fake-server.js";

const UA = "chatons-test/1.0";

async function failure(promise: Promise<unknown>): Promise<OutboundError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OutboundError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

/** Makes chosen names resolve to chosen addresses, like a hostile DNS would. */
function resolverFor(table: Record<string, string>): Resolver {
  return (hostname, callback) => {
    const address = table[hostname];
    if (!address)
      return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
    callback(null, [{ address, family: address.includes(":") ? 6 : 4 }]);
  };
}

describe("address classification", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1",
  ])("refuses %s", (address) => {
    expect(isForbiddenAddress(address, false)).toBe(true);
  });

  it.each(["93.184.216.34", "1.1.1.1", "2a01:4f8::1", "172.32.0.1", "192.169.0.1"])(
    "allows public %s",
    (address) => {
      expect(isForbiddenAddress(address, false)).toBe(false);
    },
  );

  it("allows only loopback, not other private ranges, when loopback is switched on", () => {
    expect(isForbiddenAddress("127.0.0.1", true)).toBe(false);
    expect(isForbiddenAddress("::1", true)).toBe(false);
    expect(isForbiddenAddress("10.0.0.1", true)).toBe(true);
    expect(isForbiddenAddress("169.254.169.254", true)).toBe(true);
  });
});

describe("outbound requests", () => {
  let server: FakeServer;
  let open: Outbound;
  let strict: Outbound;

  beforeAll(async () => {
    server = await startFakeServer(async (req, res) => {
      const path = req.url ?? "/";
      if (path === "/hello") {
        res.setHeader("content-type", "text/plain");
        res.end(`hello ${req.headers["user-agent"]}`);
      } else if (path === "/big") {
        res.end("x".repeat(200_000));
      } else if (path === "/slow") {
        // A slowloris: headers at once, then one byte now and then, never finishing in time.
        res.writeHead(200, { "content-type": "text/plain" });
        const timer = setInterval(() => res.write("."), 200);
        req.on("close", () => clearInterval(timer));
      } else if (path === "/loop-a") {
        res.writeHead(302, { location: "/loop-b" }).end();
      } else if (path === "/loop-b") {
        res.writeHead(302, { location: "/loop-a" }).end();
      } else if (path.startsWith("/chain/")) {
        const n = Number(path.split("/")[2]);
        res.writeHead(302, { location: n > 0 ? `/chain/${n - 1}` : "/hello" }).end();
      } else if (path === "/to-private") {
        res.writeHead(302, { location: "http://10.0.0.7/admin" }).end();
      } else if (path === "/to-other-host") {
        res.writeHead(302, { location: `http://localhost:${server.port}/hello` }).end();
      } else if (path === "/conditional") {
        if (req.headers["if-none-match"] === '"v1"') res.writeHead(304).end();
        else res.writeHead(200, { etag: '"v1"' }).end("content");
      } else {
        res.writeHead(404).end();
      }
    });
    open = createOutbound({
      allowLoopback: true,
      timeoutMs: 1_000,
      maxBytes: 100_000,
      maxRedirects: 3,
      userAgent: UA,
    });
    strict = createOutbound({
      allowLoopback: false,
      timeoutMs: 1_000,
      maxBytes: 100_000,
      maxRedirects: 3,
      userAgent: UA,
      resolver: resolverFor({
        "evil.example": "127.0.0.1",
        "intranet.example": "10.0.0.8",
        "v6.example": "::1",
      }),
    });
  });

  afterAll(async () => {
    await open.close();
    await strict.close();
    await server.close();
  });

  it("sends the named User-Agent and returns the body", async () => {
    const res = await open.fetch({ url: `${server.url}/hello` });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(`hello ${UA}`);
  });

  it("refuses loopback, private and link-local literals when not allowed", async () => {
    for (const url of [
      `${server.url}/hello`,
      "http://10.0.0.1/",
      "http://[::1]:80/",
      "http://169.254.169.254/latest",
      "http://[::ffff:127.0.0.1]/",
    ]) {
      expect((await failure(strict.fetch({ url }))).code, url).toBe("blocked-address");
    }
  });

  it("refuses names that resolve to private addresses, checked after resolution", async () => {
    expect((await failure(strict.fetch({ url: "http://evil.example/" }))).code).toBe("blocked-address");
    expect((await failure(strict.fetch({ url: "http://intranet.example/" }))).code).toBe("blocked-address");
    expect((await failure(strict.fetch({ url: "http://v6.example/" }))).code).toBe("blocked-address");
    expect((await failure(strict.fetch({ url: "http://localhost/" }))).code).toBe("blocked-address");
  });

  it("refuses a redirect to a private address", async () => {
    expect((await failure(open.fetch({ url: `${server.url}/to-private` }))).code).toBe("blocked-address");
  });

  it("refuses other schemes and credentials in URLs", async () => {
    expect((await failure(open.fetch({ url: "file:///etc/passwd" }))).code).toBe("bad-url");
    expect((await failure(open.fetch({ url: "ftp://example.org/" }))).code).toBe("bad-url");
    expect((await failure(open.fetch({ url: `http://user:pw@127.0.0.1:${server.port}/` }))).code).toBe(
      "bad-url",
    );
    expect((await failure(open.fetch({ url: "not a url" }))).code).toBe("bad-url");
  });

  it("caps the body size", async () => {
    expect((await failure(open.fetch({ url: `${server.url}/big` }))).code).toBe("too-large");
  });

  it("gives up on a slow server at the deadline", async () => {
    const started = Date.now();
    expect((await failure(open.fetch({ url: `${server.url}/slow`, timeoutMs: 600 }))).code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("follows a few redirects and stops at loops and long chains", async () => {
    const ok = await open.fetch({ url: `${server.url}/chain/2` });
    expect(ok.status).toBe(200);
    expect(ok.redirects).toHaveLength(3);
    expect((await failure(open.fetch({ url: `${server.url}/chain/5` }))).code).toBe("too-many-redirects");
    expect((await failure(open.fetch({ url: `${server.url}/loop-a` }))).code).toBe("too-many-redirects");
  });

  it("can refuse redirects to another host", async () => {
    expect(
      (await failure(open.fetch({ url: `${server.url}/to-other-host`, redirects: "same-site" }))).code,
    ).toBe("redirect-off-site");
  });

  it("passes conditional headers through", async () => {
    const first = await open.fetch({ url: `${server.url}/conditional` });
    expect(first.headers.etag).toBe('"v1"');
    const second = await open.fetch({
      url: `${server.url}/conditional`,
      headers: { "if-none-match": '"v1"' },
    });
    expect(second.status).toBe(304);
  });
});
