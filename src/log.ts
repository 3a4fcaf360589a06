import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs on stdout. Nothing here ever receives an IP address: the request logger logs
 * method, path, status and duration only (see http/request-log.ts).
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: "chatons" },
    redact: { paths: ["password", "*.password", "token", "*.token", "headers.cookie"], remove: true },
  });
}
