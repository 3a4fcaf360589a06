import { describe, expect, it } from "vitest";
import { judge, nextHealth, type HealthState, type Observation } from "./health.js";

const page = (body: string, over: Partial<Extract<Observation, { kind: "response" }>> = {}): Observation => ({
  kind: "response",
  status: 200,
  finalUrl: "https://pad.example.org/",
  body,
  headers: {},
  elapsedMs: 120,
  ...over,
});
const SLOW = 5_000;
const ETHERPAD = `<!doctype html><title>Etherpad</title><input id="go2Name" />`;

describe("health verdict", () => {
  it("accepts the software's own page in time", () => {
    expect(judge(page(ETHERPAD), "etherpad", SLOW)).toEqual({ ok: true, reason: "ok" });
    expect(judge(page("<script>JitsiMeetJS.init()</script>"), "jitsi-meet", SLOW).ok).toBe(true);
  });

  it("refuses a parked domain answering 200, even when it names the service", () => {
    const parked = "<h1>pad.example.org</h1><p>This domain is for sale! Etherpad</p>";
    expect(judge(page(parked), "etherpad", SLOW)).toEqual({ ok: false, reason: "parked" });
    expect(judge(page("Ce nom de domaine est à vendre"), "etherpad", SLOW).reason).toBe("parked");
  });

  it("refuses bot-challenge pages", () => {
    const cf = "<title>Just a moment...</title><script src='/cdn-cgi/challenge-platform/x.js'></script>";
    expect(judge(page(cf), "etherpad", SLOW).reason).toBe("bot-challenge");
    const anubis =
      "<title>Making sure you're not a bot!</title><script src='/.within.website/x/cmd/anubis/main.mjs'>";
    expect(judge(page(anubis), "privatebin", SLOW).reason).toBe("bot-challenge");
    expect(
      judge(page(ETHERPAD, { status: 403, headers: { "cf-mitigated": "challenge" } }), "etherpad", SLOW),
    ).toEqual({ ok: false, reason: "bot-challenge" });
  });

  it("refuses a login wall: a redirect to a sign-in page, a 401, or a sign-in form instead of the tool", () => {
    const sso = page("<form><input type=password></form> Etherpad", {
      finalUrl: "https://pad.example.org/yunohost/sso/?r=aHR0c",
    });
    expect(judge(sso, "etherpad", SLOW).reason).toBe("login-wall");
    expect(judge(page("", { status: 401 }), "etherpad", SLOW).reason).toBe("login-wall");
    expect(judge(page('<form id="kc-form-login">'), "etherpad", SLOW).reason).toBe("login-wall");
  });

  it("refuses error statuses, error pages answered with 200, and empty pages", () => {
    expect(judge(page(ETHERPAD, { status: 502 }), "etherpad", SLOW).reason).toBe("http-error");
    expect(judge(page(ETHERPAD, { status: 404 }), "etherpad", SLOW).reason).toBe("http-status");
    expect(judge(page("<title>502 Bad Gateway</title>"), "etherpad", SLOW).reason).toBe("error-page");
    expect(judge(page("   "), "etherpad", SLOW).reason).toBe("empty");
    expect(judge(page("<h1>Bienvenue</h1>"), "etherpad", SLOW).reason).toBe("content-mismatch");
  });

  it("refuses a slow answer and passes on transport failures", () => {
    expect(judge(page(ETHERPAD, { elapsedMs: 6_000 }), "etherpad", SLOW).reason).toBe("slow");
    expect(judge({ kind: "error", code: "tls", elapsedMs: 10 }, "etherpad", SLOW)).toEqual({
      ok: false,
      reason: "tls",
    });
    expect(judge({ kind: "error", code: "redirect-off-site", elapsedMs: 10 }, "etherpad", SLOW).reason).toBe(
      "redirect-off-site",
    );
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
