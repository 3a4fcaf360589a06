/**
 * Tests must never reach the network: every connection goes to 127.0.0.1, ::1, a Unix socket
 * (PostgreSQL) or nowhere. Any other connection or DNS query throws at once and fails the test,
 * so an unplanned outbound request can never pass unnoticed.
 */
import dns from "node:dns";
import net from "node:net";
import { syncBuiltinESMExports } from "node:module";
import { afterEach, expect } from "vitest";

const violations: string[] = [];

const LOCAL_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"]);
const isLocal = (host: string | undefined) =>
  !host || LOCAL_NAMES.has(host) || host.startsWith("127.") || host.endsWith(".localhost");

function refuse(target: string): Error {
  const message = `Unplanned outbound request in a test: ${target}`;
  if (process.env.DEBUG_GUARD) console.warn(new Error(message).stack);
  violations.push(message);
  return new Error(message);
}

type ConnectArgs = Parameters<typeof net.Socket.prototype.connect>;
type LookupFn = (hostname: string, options: object, callback: (...args: unknown[]) => void) => void;

/** A caller-supplied resolver (the outbound module's) may map a name anywhere: check what it returns. */
function guardLookup(lookup: LookupFn, host: string): LookupFn {
  return (hostname, options, callback) =>
    lookup(hostname, options, (err: unknown, address: unknown, family: unknown) => {
      const list = Array.isArray(address) ? address : [{ address }];
      const far = list.map((a: { address?: unknown }) => String(a.address)).filter((a) => !isLocal(a));
      if (!err && far.length > 0) return callback(refuse(`connect to ${host} (${far.join(", ")})`));
      callback(err, address, family);
    });
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
  // net.connect() hands over its arguments already normalised, as one array.
  const [head, second] = Array.isArray(args[0]) ? args[0] : args;
  let host: string | undefined;
  let path: string | undefined;
  if (typeof head === "object" && head !== null) {
    if ("path" in head && typeof head.path === "string") path = head.path;
    if ("host" in head && typeof head.host === "string") host = head.host;
    if (!path && !isLocal(host) && "lookup" in head && typeof head.lookup === "function") {
      head.lookup = guardLookup(head.lookup, host ?? "");
      return originalConnect.apply(this, args);
    }
  } else if (typeof head === "string" && typeof second !== "string") {
    path = head;
  } else if (typeof second === "string") {
    host = second;
  }
  if (!path && !isLocal(host)) throw refuse(`connect to ${host}`);
  return originalConnect.apply(this, args);
} as typeof net.Socket.prototype.connect;

const originalLookup = dns.lookup;
function guardedLookup(hostname: string, ...rest: unknown[]): void {
  if (!isLocal(hostname)) {
    const callback = rest[rest.length - 1];
    const error = refuse(`DNS lookup of ${hostname}`);
    if (typeof callback === "function") {
      process.nextTick(() => callback(Object.assign(error, { code: "ENOTFOUND" })));
      return;
    }
    throw error;
  }
  Reflect.apply(originalLookup, dns, [hostname, ...rest]);
}
Object.assign(dns, { lookup: guardedLookup });
const originalPromiseLookup = dns.promises.lookup;
Object.assign(dns.promises, {
  lookup: (hostname: string, options?: unknown) => {
    if (!isLocal(hostname)) return Promise.reject(refuse(`DNS lookup of ${hostname}`));
    return Reflect.apply(originalPromiseLookup, dns.promises, [hostname, options]);
  },
});
syncBuiltinESMExports();

/** Tests that deliberately try a forbidden request (to prove it is refused) clear it here. */
export function takeNetworkViolations(): string[] {
  return violations.splice(0, violations.length);
}

afterEach(() => {
  const found = violations.splice(0, violations.length);
  expect(found, "unplanned outbound requests").toEqual([]);
});
