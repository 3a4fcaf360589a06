import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent, request } from "undici";

/**
 * The one door to the outside. Every request the platform makes to a member's server (ChatonsInfos
 * files, uptime probes, portal health checks, application pre-checks) goes through `fetch` here, so
 * that timeouts, size caps, redirect caps, the User-Agent and the refusal of private addresses are
 * enforced in one place. Addresses are checked after DNS resolution, on the address actually
 * connected to, so a name that resolves to 127.0.0.1 or a redirect to 10.0.0.1 is refused too.
 */

export type OutboundErrorCode =
  | "bad-url"
  | "blocked-address"
  | "dns"
  | "timeout"
  | "too-large"
  | "too-many-redirects"
  | "redirect-off-site"
  | "tls"
  | "network";

export class OutboundError extends Error {
  constructor(
    public readonly code: OutboundErrorCode,
    message: string,
    public readonly url: string,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

export interface OutboundRequest {
  url: string;
  method?: "GET" | "HEAD";
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** "follow" any host; "same-site" refuses a redirect to another host (portal instances). */
  redirects?: "follow" | "same-site" | "none";
  signal?: AbortSignal;
}

export interface OutboundResponse {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  redirects: string[];
  elapsedMs: number;
  /** The address connected to for the final response. */
  remoteAddress: string | undefined;
}

/** Same shape as dns.lookup with {all: true}; injectable so tests can make a name resolve anywhere. */
export type Resolver = (
  hostname: string,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, callback) =>
  dnsLookup(hostname, { all: true, family: 0 }, callback);

export interface OutboundOptions {
  /** Resolver used for every connection (the system's by default). */
  resolver?: Resolver;
  allowLoopback: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export interface Outbound {
  fetch(req: OutboundRequest): Promise<OutboundResponse>;
  readonly userAgent: string;
  close(): Promise<void>;
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) must be judged as the IPv4 address it carries. */
function unmap(address: string): { address: string; family: "ipv4" | "ipv6" } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: "ipv4" };
  return { address, family: isIP(address) === 6 ? "ipv6" : "ipv4" };
}

/** Is this address one the platform must never connect to (outside tests and demos)? */
export function isForbiddenAddress(address: string, allowLoopback: boolean): boolean {
  const { address: a, family } = unmap(address);
  if (allowLoopback && loopback.check(a, family)) return false;
  return blocked.check(a, family);
}

function stripBrackets(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function guardedLookup(allowLoopback: boolean, resolver: Resolver) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: LookupCallback,
  ) => {
    resolver(hostname, (err, addresses) => {
      if (err) return callback(err, []);
      const allowed = addresses.filter((a) => !isForbiddenAddress(a.address, allowLoopback));
      if (allowed.length === 0) {
        const error: NodeJS.ErrnoException = new Error(
          `${hostname} resolves only to private or reserved addresses (${addresses.map((a) => a.address).join(", ")})`,
        );
        error.code = "EBLOCKEDADDRESS";
        return callback(error, []);
      }
      if (options.all) return callback(null, allowed);
      const first = allowed[0];
      if (!first) return callback(new Error("no address"), []);
      return callback(null, first.address, first.family);
    });
  };
}

function classify(error: unknown, url: string): OutboundError {
  if (error instanceof OutboundError) return error;
  const code = errorCode(error);
  const cause = typeof error === "object" && error !== null && "cause" in error ? error.cause : undefined;
  const causeCode = errorCode(cause);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "EBLOCKEDADDRESS" || causeCode === "EBLOCKEDADDRESS")
    return new OutboundError("blocked-address", message, url);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || causeCode === "ENOTFOUND")
    return new OutboundError("dns", message, url);
  if (
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT" ||
    code === "UND_ERR_CONNECT_TIMEOUT" ||
    code === "ABORT_ERR" ||
    (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
  )
    return new OutboundError("timeout", message, url);
  if (
    (typeof code === "string" &&
      (code.startsWith("ERR_TLS") || code.includes("CERT") || code.startsWith("SSL"))) ||
    (typeof causeCode === "string" && (causeCode.includes("CERT") || causeCode.startsWith("ERR_TLS")))
  )
    return new OutboundError("tls", message, url);
  return new OutboundError("network", message, url);
}

const CUT_CONNECTION = new Set(["UND_ERR_SOCKET", "ECONNRESET", "EPIPE"]);

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

export function createOutbound(options: OutboundOptions): Outbound {
  const agent = new Agent({
    connect: {
      lookup: guardedLookup(options.allowLoopback, options.resolver ?? systemResolver),
      timeout: options.timeoutMs,
    },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    keepAliveTimeout: 4_000,
    connections: 64,
  });

  function checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OutboundError("bad-url", "not a valid absolute URL", raw);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new OutboundError("bad-url", `scheme ${url.protocol} is not allowed`, raw);
    }
    if (url.username || url.password) {
      throw new OutboundError("bad-url", "URLs with credentials are not allowed", raw);
    }
    const host = stripBrackets(url.hostname);
    // Literal addresses skip DNS, so they are judged here; names are judged in guardedLookup.
    if (isIP(host) && isForbiddenAddress(host, options.allowLoopback)) {
      throw new OutboundError("blocked-address", `${host} is a private or reserved address`, raw);
    }
    if (!options.allowLoopback && (host === "localhost" || host.endsWith(".localhost"))) {
      throw new OutboundError("blocked-address", `${host} is a loopback name`, raw);
    }
    return url;
  }

  async function fetchOnce(req: OutboundRequest, url: URL, signal: AbortSignal, maxBytes: number) {
    const response = await request(url, {
      method: req.method ?? "GET",
      headers: {
        "user-agent": options.userAgent,
        accept: "*/*",
        ...req.headers,
      },
      dispatcher: agent,
      signal,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += buf.length;
      if (size > maxBytes) {
        response.body.destroy();
        throw new OutboundError("too-large", `response larger than ${maxBytes} bytes`, url.href);
      }
      chunks.push(buf);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    return { status: response.statusCode, headers, body: Buffer.concat(chunks) };
  }

  return {
    userAgent: options.userAgent,
    async fetch(req) {
      const started = performance.now();
      const timeoutMs = req.timeoutMs ?? options.timeoutMs;
      const maxBytes = req.maxBytes ?? options.maxBytes;
      const maxRedirects = req.redirects === "none" ? 0 : (req.maxRedirects ?? options.maxRedirects);
      // One deadline for the whole exchange, redirects included: a server trickling one byte a
      // second (slowloris) cannot hold a crawler slot longer than this.
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
      const redirects: string[] = [];
      let url = checkUrl(req.url);
      const origin = url.host;
      try {
        for (;;) {
          const res = await fetchOnce(req, url, signal, maxBytes).catch((error: unknown) => {
            // A kept-alive connection that the server closed just as it was reused fails at once,
            // before any answer: our requests are GET or HEAD, so one new try is safe.
            if (signal.aborted || !CUT_CONNECTION.has(errorCode(error) ?? "")) throw error;
            return fetchOnce(req, url, signal, maxBytes);
          });
          const location = res.headers["location"];
          if (
            res.status >= 300 &&
            res.status < 400 &&
            res.status !== 304 &&
            location &&
            req.redirects !== "none"
          ) {
            if (redirects.length >= maxRedirects) {
              throw new OutboundError("too-many-redirects", `more than ${maxRedirects} redirects`, req.url);
            }
            const next = checkUrl(new URL(location, url).href);
            if (req.redirects === "same-site" && next.host !== origin) {
              throw new OutboundError(
                "redirect-off-site",
                `redirects to another host (${next.host})`,
                req.url,
              );
            }
            if (redirects.includes(next.href)) {
              throw new OutboundError("too-many-redirects", "redirect loop", req.url);
            }
            redirects.push(next.href);
            url = next;
            continue;
          }
          return {
            url: url.href,
            status: res.status,
            headers: res.headers,
            body: res.body,
            redirects,
            elapsedMs: Math.round(performance.now() - started),
            remoteAddress: undefined,
          };
        }
      } catch (error) {
        throw classify(error, req.url);
      }
    },
    close: () => agent.close(),
  };
}

/** Decodes a body as UTF-8, falling back to Latin-1 when it is not valid UTF-8 (old Java tools). */
export function decodeText(body: Buffer): { text: string; encoding: "utf-8" | "latin1" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: body.toString("latin1"), encoding: "latin1" };
  }
}
