import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseChatonsInfos, valueOf } from "./parse.js";
import { checkChatonsInfos } from "./check.js";
import { escapeValue, writeFederation, writeMetrics, writeOrganization, writeService } from "./write.js";
import { differences, memberFieldsFromFile, serviceFieldsFromFile } from "./mapping.js";

const head = {
  url: "https://chatons.example/.well-known/chatonsinfos/x.properties",
  datetime: "2026-01-02T03:04:05.678Z",
  generator: "chatons test",
};

describe("the writer", () => {
  it("escapes any value so that the parser reads it back unchanged", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        const trimmed = value.trim();
        const parsed = parseChatonsInfos(`k = ${escapeValue(trimmed)}\n`);
        return valueOf(parsed, "k") === trimmed;
      }),
      { numRuns: 2_000 },
    );
  });

  it("writes a federation file that passes the checker with zero errors", () => {
    const text = writeFederation({
      ...head,
      name: "CHATONS",
      description: "Collectif des hébergeurs",
      website: "https://chatons.example/",
      logo: "https://chatons.example/assets/logo.svg",
      contactEmail: "contact@chatons.example",
      subs: [{ id: "chaton-a", url: "https://a.example.org/.well-known/chatonsinfos/a.properties" }],
    });
    const report = checkChatonsInfos(parseChatonsInfos(text), "federation");
    expect(report.counts.error).toBe(0);
    expect(report.counts.warning).toBe(0);
    expect(text).toContain("file.datetime = 2026-01-02T03:04:05\n");
  });

  it("writes organization and service files that pass and map back to the same fields", () => {
    const org = writeOrganization({
      ...head,
      federation: "chatons",
      name: "Chaton « Test » = l'essai",
      description: "Ligne 1\nLigne 2",
      type: "ASSOCIATION",
      status: "ACTIVE",
      website: "https://test.example.org/",
      contactEmail: "contact@test.example.org",
      legalUrl: "https://test.example.org/mentions",
      memberStatus: "ACTIVE",
      joinedAt: "2019-06-30",
      countryCode: "FR",
      countryName: "France",
      latitude: 45.76,
      longitude: -4.83,
      social: { mastodon: "https://social.example.org/@test" },
      subs: [{ id: "pad", url: "https://test.example.org/pad.properties" }],
    });
    const parsed = parseChatonsInfos(org);
    expect(checkChatonsInfos(parsed, "organization").counts.error).toBe(0);
    const fields = memberFieldsFromFile(parsed, "chatons");
    expect(fields).toMatchObject({
      name: "Chaton « Test » = l'essai",
      type: "association",
      status: "active",
      joined_at: "2019-06-30",
      latitude: 45.76,
      longitude: -4.83,
    });
    expect(
      differences(
        { name: "Chaton « Test » = l'essai", website: "http://TEST.example.org", latitude: 45.76 },
        fields,
      ).map((d) => d.field),
    ).not.toContain("website");

    const svc = writeService({
      ...head,
      name: "Pad",
      website: "https://pad.test.example.org/",
      startDate: "2021-01-01",
      status: "OK",
      registration: "None",
      registrationLoad: "OPEN",
      software: {
        name: "Etherpad",
        license: "Apache-2.0",
        website: "https://etherpad.org/",
        sourceUrl: "https://github.com/ether/etherpad-lite",
      },
      hostCountryCode: "FR",
    });
    const s = parseChatonsInfos(svc);
    expect(checkChatonsInfos(s, "service").counts.error).toBe(0);
    expect(serviceFieldsFromFile(s)).toEqual({
      name: "Pad",
      url: "https://pad.test.example.org/",
      status: "ok",
      access: "none",
      registration_load: "open",
      start_date: "2021-01-01",
      host_country: "FR",
    });
  });

  it("writes a metrics file the checker reads as metrics", () => {
    const text = writeMetrics({
      ...head,
      name: "Pad",
      metrics: [["metrics.http.visits.humans.2025.months", "1,2,3"]],
    });
    const report = checkChatonsInfos(parseChatonsInfos(text));
    expect(report.fileClass).toBe("metrics");
    expect(report.counts.error).toBe(0);
  });
});
