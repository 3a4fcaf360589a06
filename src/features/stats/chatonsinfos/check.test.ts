import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseChatonsInfos } from "./parse.js";
import { checkChatonsInfos, type CheckReport } from "./check.js";
import { PROPERTIES } from "./properties.js";

const check = (name: string, expected?: Parameters<typeof checkChatonsInfos>[1]) =>
  checkChatonsInfos(
    parseChatonsInfos(readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url))),
    expected,
  );
const find = (r: CheckReport, key: string, code?: string) =>
  r.results.filter((x) => x.key === key && (code === undefined || x.code === code));
const errors = (r: CheckReport) => r.results.filter((x) => x.severity === "error");

describe("the property table", () => {
  it("has one rule per key and every enum lists its values", () => {
    const keys = PROPERTIES.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of PROPERTIES)
      if (p.type === "enum" || p.type === "enum-list") expect(p.values?.length).toBeGreaterThan(1);
  });
});

describe("checking the fixtures", () => {
  it("passes the federation file, with a warning for the missing file.url", () => {
    const r = check("federation.properties");
    expect(r.fileClass).toBe("federation");
    expect(errors(r)).toEqual([]);
    expect(find(r, "file.url", "recommended-missing")).toHaveLength(1);
    expect(r.counts.ok).toBeGreaterThan(10);
  });

  it("passes the YunoHost organization, noting empty optional keys and the pixelfeld typo", () => {
    const r = check("organization-ynh-style.properties");
    expect(r.fileClass).toBe("organization");
    expect(errors(r)).toEqual([]);
    expect(find(r, "organization.enddate")[0]?.severity).toBe("void");
    expect(find(r, "organization.socialnetworks.pixelfeld", "unknown-key")[0]?.hint).toBe(
      "organization.socialnetworks.pixelfed",
    );
    expect(find(r, "organization.geolocation.latitude")[0]?.severity).toBe("ok");
  });

  it("passes the YunoHost service with its DD/MM/YYYY date", () => {
    const r = check("service-ynh-style.properties");
    expect(errors(r)).toEqual([]);
    expect(find(r, "service.startdate")[0]?.severity).toBe("ok");
  });

  it("passes the pad service and its separate metrics file", () => {
    expect(errors(check("service-pad.properties"))).toEqual([]);
    const metrics = check("service-pad-metrics.properties");
    expect(metrics.fileClass).toBe("metrics");
    expect(errors(metrics)).toEqual([]);
    expect(metrics.results.filter((x) => x.key.startsWith("metrics.") && x.severity === "ok")).toHaveLength(
      4,
    );
    expect(errors(check("service-pad-metrics.properties", "metrics"))).toEqual([]);
  });

  it("warns about legacy camelCase names and reports what the old file lacks", () => {
    const r = check("organization-legacy-camelcase.properties");
    expect(r.fileClass).toBe("organization");
    expect(find(r, "organization.startdate", "key-case")[0]?.line).toBe(13);
    expect(find(r, "organization.geography", "legacy-key")[0]?.hint).toBe("organization.geolocation.address");
    expect(find(r, "organization.technical.url", "legacy-key")[0]?.hint).toBe("organization.guide.technical");
    expect(find(r, "file.class", "required-missing")).toHaveLength(1);
    expect(find(r, "organization.type", "required-missing")).toHaveLength(1);
  });

  it("finds every deliberate error of the broken service, with its line", () => {
    const r = check("service-broken.properties");
    const at = (key: string) =>
      errors(r)
        .filter((x) => x.key === key)
        .map((x) => [x.line, x.detail ?? x.code]);
    expect(at("file.class")).toEqual([[2, "class"]]);
    expect(at("file.datetime")).toEqual([[3, "datetime"]]);
    expect(at("service.name")).toEqual([[null, "required-missing"]]);
    expect(at("service.website")).toEqual([[6, "url"]]);
    expect(at("service.startdate")).toEqual([[7, "date"]]);
    expect(at("service.enddate")).toEqual([[8, "date"]]);
    expect(at("service.status.level")).toEqual([[9, "enum"]]);
    expect(at("service.registration")).toEqual([[10, "enum"]]);
    expect(at("service.registration.load")).toEqual([[11, "enum"]]);
    expect(at("service.install.type")).toEqual([[12, "enum"]]);
    expect(at("software.license.url")).toEqual([[14, "url"]]);
    expect(at("host.provider.type")).toEqual([[17, "host-combination"]]);
    expect(at("host.country.code")).toEqual([[18, "country-code"]]);
    expect(at("metrics.http.visits.humans.2024.months")).toEqual([
      [21, "list-number"],
      [21, "list-length"],
    ]);
    expect(find(r, "organization.geolocation.latitude", "wrong-section")[0]?.line).toBe(19);
    expect(r.counts.error).toBe(errors(r).length);
  });
});

describe("rules", () => {
  const file = (text: string) => parseChatonsInfos(text);

  it("reports a class that differs from the expected one", () => {
    const r = checkChatonsInfos(file("file.class=Service\n"), "organization");
    expect(find(r, "file.class", "class-mismatch")).toHaveLength(1);
  });

  it("treats enum case differences as warnings, unknown values as errors", () => {
    const r = checkChatonsInfos(
      file("file.class=service\nservice.registration=free;member\nservice.registration.load=open\n"),
    );
    expect(find(r, "service.registration")[0]?.severity).toBe("warning");
    expect(find(r, "service.registration.load")[0]?.detail).toBe("enum-case");
  });

  it("flags an end date before the start date, and negative metrics", () => {
    const r = checkChatonsInfos(
      file(
        "file.class=service\nservice.startdate=2020-05-01\nservice.enddate=01/01/2020\nmetrics.x.2024.days=1,-2\n",
      ),
    );
    expect(find(r, "service.enddate", "dates-order")).toHaveLength(1);
    expect(find(r, "metrics.x.2024.days")[0]?.detail).toBe("negative");
  });

  it("reports an HTML page as one error, not as hundreds of bad keys", () => {
    const r = checkChatonsInfos(file("<!doctype html>\n<html>\n<p>404</p>\n</html>\n"));
    expect(r.counts.error).toBe(1);
    expect(r.results[0]?.detail).toBe("html");
  });
});
