/**
 * A tiny browser stand-in for HTTP tests: keeps cookies, sends the Origin header a browser would,
 * and picks the CSRF token out of the form it submits, so tests go through the same checks as
 * people do.
 */
import { Agent, fetch } from "undici";

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  // A connection pool per client: a test that makes the server drop a connection (413) cannot
  // hand a dead socket to another test's requests.
  private readonly agent = new Agent({ keepAliveTimeout: 2_000 });

  constructor(readonly base: string) {}

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()),
      );
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(
    method: string,
    path: string,
    init: { body?: string | URLSearchParams; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    if (method !== "GET" && method !== "HEAD" && !("origin" in headers)) headers.origin = this.base;
    const res = await fetch(new URL(path, this.base), {
      method,
      headers,
      body: init.body,
      redirect: "manual",
      dispatcher: this.agent,
    });
    this.remember(res.headers);
    return {
      status: res.status,
      headers: res.headers,
      text: await res.text(),
      location: res.headers.get("location"),
    };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<TestResponse> {
    return this.request("GET", path, { headers });
  }

  /** Posts a form as is (the caller provides _csrf, or deliberately omits it). */
  post(
    path: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields))
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    return this.request("POST", path, {
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });
  }

  /** Loads `page`, takes the CSRF token of the form posting to `action`, and submits `fields`. */
  async submit(
    page: string,
    action: string,
    fields: Record<string, string | string[]>,
  ): Promise<TestResponse> {
    const loaded = await this.get(page);
    const token = csrfFrom(loaded.text, action);
    if (!token)
      throw new Error(`no form posting to ${action} with a CSRF token on ${page} (status ${loaded.status})`);
    return this.post(action, { _csrf: token, ...fields });
  }

  async login(email: string, password: string, locale = "fr"): Promise<TestResponse> {
    const res = await this.submit(`/${locale}/login`, `/${locale}/login`, { email, password });
    if (res.status !== 303) throw new Error(`login failed for ${email}: ${res.status}`);
    return res;
  }
}

/** The _csrf value of the form whose action is `action` (or of the first form if action is omitted). */
export function csrfFrom(html: string, action?: string): string | undefined {
  const forms = html.split(/<form\b/).slice(1);
  for (const form of forms) {
    const act = /action="([^"]*)"/.exec(form)?.[1]?.replace(/&amp;/g, "&");
    if (action !== undefined && act !== action) continue;
    const token = /name="_csrf" value="([^"]+)"/.exec(form)?.[1];
    if (token) return token;
  }
  return undefined;
}
