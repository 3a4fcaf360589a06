import { describe, expect, it } from "vitest";
import { observe, type Answer } from "../../probe/probe.js";
import { expectationsFor, judge, nextHealth, type HealthState } from "./health.js";

type Page = Extract<Answer, { status: number }>;
const SLOW = 5_000;
/** An answer, as the prober would observe it when the portal asks for `software`'s markers. */
const page =
  (body: string, over: Partial<Page> = {}) =>
  (software: string) =>
    observe(
      "https://pad.example.org/",
      { status: 200, finalUrl: "https://pad.example.org/", body, headers: {}, elapsedMs: 120, ...over },
      expectationsFor(software, SLOW),
      "2026-03-10T12:00:00.000Z",
    );
const failure = (error: "tls" | "redirect-off-site") => () =>
  observe("https://pad.example.org/", { error, elapsedMs: 10 }, {}, "2026-03-10T12:00:00.000Z");
const verdict = (answer: (software: string) => ReturnType<typeof observe>, software: string, slow: number) =>
  judge(answer(software), software, slow);
const ETHERPAD = `<!doctype html><title>Etherpad</title><input id="go2Name" />`;

describe("health verdict", () => {
  it("accepts the software's own page in time", () => {
    expect(verdict(page(ETHERPAD), "etherpad", SLOW)).toEqual({ ok: true, reason: "ok" });
    expect(verdict(page("<script>JitsiMeetJS.init()</script>"), "jitsi-meet", SLOW).ok).toBe(true);
  });

  it("refuses a parked domain answering 200, even when it names the service", () => {
    const parked = "<h1>pad.example.org</h1><p>This domain is for sale! Etherpad</p>";
    expect(verdict(page(parked), "etherpad", SLOW)).toEqual({ ok: false, reason: "parked" });
    expect(verdict(page("Ce nom de domaine est à vendre"), "etherpad", SLOW).reason).toBe("parked");
  });

  it("refuses bot-challenge pages", () => {
    const cf = "<title>Just a moment...</title><script src='/cdn-cgi/challenge-platform/x.js'></script>";
    expect(verdict(page(cf), "etherpad", SLOW).reason).toBe("bot-challenge");
    const anubis =
      "<title>Making sure you're not a bot!</title><script src='/.within.website/x/cmd/anubis/main.mjs'>";
    expect(verdict(page(anubis), "privatebin", SLOW).reason).toBe("bot-challenge");
    expect(
      verdict(page(ETHERPAD, { status: 403, headers: { "cf-mitigated": "challenge" } }), "etherpad", SLOW),
    ).toEqual({ ok: false, reason: "bot-challenge" });
  });

  it("refuses a login wall: a redirect to a sign-in page, a 401, or a sign-in form instead of the tool", () => {
    const sso = page("<form><input type=password></form> Etherpad", {
      finalUrl: "https://pad.example.org/yunohost/sso/?r=aHR0c",
    });
    expect(verdict(sso, "etherpad", SLOW).reason).toBe("login-wall");
    expect(verdict(page("", { status: 401 }), "etherpad", SLOW).reason).toBe("login-wall");
    expect(verdict(page('<form id="kc-form-login">'), "etherpad", SLOW).reason).toBe("login-wall");
  });

  it("refuses error statuses, error pages answered with 200, and empty pages", () => {
    expect(verdict(page(ETHERPAD, { status: 502 }), "etherpad", SLOW).reason).toBe("http-error");
    expect(verdict(page(ETHERPAD, { status: 404 }), "etherpad", SLOW).reason).toBe("http-status");
    expect(verdict(page("<title>502 Bad Gateway</title>"), "etherpad", SLOW).reason).toBe("error-page");
    expect(verdict(page("   "), "etherpad", SLOW).reason).toBe("empty");
    expect(verdict(page("<h1>Bienvenue</h1>"), "etherpad", SLOW).reason).toBe("content-mismatch");
  });

  it("refuses a slow answer and passes on transport failures", () => {
    expect(verdict(page(ETHERPAD, { elapsedMs: 6_000 }), "etherpad", SLOW).reason).toBe("slow");
    expect(verdict(failure("tls"), "etherpad", SLOW)).toEqual({
      ok: false,
      reason: "tls",
    });
    expect(verdict(failure("redirect-off-site"), "etherpad", SLOW).reason).toBe("redirect-off-site");
  });
});

describe("observations made for another software", () => {
  it("cannot call a page the software when the observation did not look for its markers", () => {
    expect(judge(page(ETHERPAD)("etherpad"), "privatebin", SLOW)).toEqual({
      ok: false,
      reason: "content-mismatch",
    });
    expect(judge(page(ETHERPAD)("etherpad"), null, SLOW).reason).toBe("content-mismatch");
  });
});

describe("hysteresis", () => {
  const rule = { failuresToDown: 3, successesToUp: 2 };
  const walk = (start: HealthState, results: boolean[]) => {
    const states: string[] = [];
    let s = start;
    for (const ok of results) {
      s = nextHealth(s, ok, rule);
      states.push(s.health);
    }
    return states;
  };
  const up: HealthState = { health: "up", failures: 0, successes: 5 };

  it("takes N failures in a row to go down, and a success in between resets the count", () => {
    expect(walk(up, [false, false, false])).toEqual(["up", "up", "down"]);
    expect(walk(up, [false, false, true, false, false])).toEqual(["up", "up", "up", "up", "up"]);
  });

  it("takes M successes in a row to come back", () => {
    const down: HealthState = { health: "down", failures: 4, successes: 0 };
    expect(walk(down, [true, false, true, true])).toEqual(["down", "down", "down", "up"]);
  });

  it("decides an unknown instance on its first check", () => {
    const unknown: HealthState = { health: "unknown", failures: 0, successes: 0 };
    expect(walk(unknown, [true])).toEqual(["up"]);
    expect(walk(unknown, [false])).toEqual(["down"]);
  });
});
