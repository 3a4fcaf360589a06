import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseDuration } from "../src/config.js";

describe("configuration", () => {
  it("starts with safe defaults on the embedded database", () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe("sqlite:./data/chatons.sqlite");
    expect(config.collective.colours).toEqual({
      primary: "#a46708",
      secondary: "#f0980c",
      accent: "#f9cc01",
    });
    expect(config.defaultLocale).toBe("fr");
    expect(config.outbound.allowLoopback).toBe(false);
    expect(config.secureCookies).toBe(false);
  });

  it("runs one process unless told how many workers share the port", () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ WORKERS: "3" }).workers).toBe(3);
    expect(loadConfig({ WORKERS: "auto" }).workers).toBe(availableParallelism());
    expect(() => loadConfig({ WORKERS: "0" })).toThrow(/WORKERS/);
    expect(() => loadConfig({ WORKERS: "many" })).toThrow(/WORKERS/);
  });

  it("names every bad variable in one error", () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: "99999",
        COLOUR_PRIMARY: "orange",
        DATABASE_URL: "mysql://x",
        CRAWL_INTERVAL: "often",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = error instanceof Error ? error.message : "";
    for (const name of ["PORT", "COLOUR_PRIMARY", "DATABASE_URL", "CRAWL_INTERVAL"])
      expect(message).toContain(name);
  });

  it("uses secure cookies and HSTS only behind https", () => {
    expect(loadConfig({ BASE_URL: "https://chatons.example/" }).secureCookies).toBe(true);
    expect(loadConfig({ BASE_URL: "https://chatons.example/" }).baseUrl).toBe("https://chatons.example");
  });

  it("demo mode allows loopback for its own simulated members", () => {
    expect(loadConfig({ DEMO: "1" }).outbound.allowLoopback).toBe(true);
  });

  it("parses durations", () => {
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("2m")).toBe(120_000);
    expect(parseDuration("1d")).toBe(86_400_000);
    expect(() => parseDuration("soon")).toThrow();
  });
});
