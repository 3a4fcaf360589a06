/*
 * Kept apart from the error pages (errors.tsx) so that low-level middleware such as CSRF can throw
 * it without importing the layout.
 */

export type ErrorKind = "400" | "401" | "403" | "404" | "413" | "429" | "csrf";

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
