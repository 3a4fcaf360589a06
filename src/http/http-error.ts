import { HTTPException } from "hono/http-exception";
/*
 * Kept apart from the error pages (errors.tsx) so that low-level middleware such as CSRF can throw
 * it without importing the layout.
 */

export type ErrorKind = "400" | "401" | "403" | "404" | "413" | "429" | "csrf" | "bad-form" | "bad-url";

/** Thrown by handlers and policies; the error handler turns it into a page or JSON. */
export class HttpError extends Error {
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    public readonly kind: ErrorKind | string,
    message?: string,
  ) {
    super(message ?? kind);
    this.name = "HttpError";
  }
}

/** Parses the request body; a body the parser cannot read (multipart without boundary, cut short) is a 400. */
export async function readBody<T>(parse: () => Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (error) {
    if (error instanceof HTTPException) throw error;
    throw new HttpError(400, "bad-form");
  }
}

/** decodeURIComponent that answers a badly encoded path with a 400 instead of a URIError. */
export function decodePath(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new HttpError(400, "bad-url");
  }
}
