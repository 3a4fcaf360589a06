import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A stand-in for a member's server, on 127.0.0.1 with a port of its own, started by the test. */
export interface FakeServer {
  url: string;
  port: number;
  /** Requests received, in order (method, path, headers). */
  requests: { method: string; path: string; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}

export type FakeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: FakeServer["requests"] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers });
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Routes by exact path; unknown paths get 404. */
export function routes(
  table: Record<string, { status?: number; type?: string; body: string; headers?: Record<string, string> }>,
): FakeHandler {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const entry = table[path];
    if (!entry) {
      res.statusCode = 404;
      res.end("not found");
      return;
    }
    res.statusCode = entry.status ?? 200;
    res.setHeader("content-type", entry.type ?? "text/plain; charset=utf-8");
    for (const [k, v] of Object.entries(entry.headers ?? {})) res.setHeader(k, v);
    res.end(entry.body);
  };
}
