import { describe, expect, it } from "vitest";
import { finderLink, parseGuide, recommend, type GuideAnswers } from "./guide.js";
import { listedMember, listedService } from "../test-fixtures.js";

const rennes = listedMember("rennes", { city: "Rennes", region: "Bretagne" });
const lyon = listedMember("lyon");
const brussels = listedMember("bxl", { countryCode: "BE", region: "Bruxelles-Capitale", city: "Bruxelles" });
const paused = listedMember("away", { status: "away" });
const services = [
  listedService("pad-rennes", rennes),
  listedService("pad-lyon", lyon, { price: "pwyw" }),
  listedService("pad-bxl", brussels),
  listedService("pad-away", paused),
  listedService("cloud-lyon", lyon, {
    categoryId: "document-storage",
    family: "storage",
    access: "members",
    registrationLoad: "open",
  }),
  listedService("cloud-rennes-full", rennes, {
    categoryId: "document-storage",
    family: "storage",
    access: "open",
    registrationLoad: "full",
  }),
  listedService("mail-bxl", brussels, {
    categoryId: "email",
    family: "communication",
    access: "clients",
    price: "paid",
    audience: ["businesses"],
  }),
];
const categories = ["pad", "document-storage", "email"];
const opts = { day: "2026-11-24", locale: "fr", serviceLabel: (s: { name: string }) => s.name };
const ids = (a: GuideAnswers) => recommend(services, a, opts).map((s) => s.member.id);

describe("guided choice", () => {
  it("reads the answers from the query string, ignoring what it does not know", () => {
    expect(
      parseGuide({ need: "pad", who: "organisation", where: "FR/Bretagne", account: "none" }, categories),
    ).toEqual({
      need: { kind: "category", id: "pad" },
      who: "organisation",
      country: "FR",
      region: "Bretagne",
      account: "none",
    });
    expect(parseGuide({ need: "family:storage", where: "france", account: "maybe" }, categories)).toEqual({
      need: { kind: "family", id: "storage" },
      who: null,
      country: null,
      region: null,
      account: "any",
    });
    expect(parseGuide({ need: "<script>" }, categories).need).toBeNull();
  });

  it("suggests nothing until a need is given", () => {
    expect(ids(parseGuide({}, categories))).toEqual([]);
  });

  it("puts members of the visitor's region first and says why, leaving inactive members out", () => {
    const result = recommend(
      services,
      parseGuide({ need: "pad", where: "FR/Bretagne", account: "none" }, categories),
      opts,
    );
    expect(result.map((s) => s.member.id)).toEqual(["rennes", "lyon"]);
    const keys = result[0]?.reasons.map((r) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "directory.guide.reason.offers",
        "directory.guide.reason.no_account",
        "directory.guide.reason.region",
        "directory.guide.reason.free",
      ]),
    );
    expect(result[1]?.reasons.map((r) => r.key)).toContain("directory.guide.reason.country");
  });

  it("looks abroad only when nobody offers it in the visitor's country", () => {
    expect(ids(parseGuide({ need: "pad", where: "BE" }, categories))).toEqual(["bxl"]);
    expect(ids(parseGuide({ need: "pad", where: "CH" }, categories)).sort()).toEqual([
      "bxl",
      "lyon",
      "rennes",
    ]);
  });

  it("matches the kind of account: none, or an account somewhere still accepting people", () => {
    expect(ids(parseGuide({ need: "family:storage", account: "none" }, categories))).toEqual([]);
    // Rennes' storage is full: only Lyon (members only) is suggested.
    const yes = recommend(services, parseGuide({ need: "family:storage", account: "yes" }, categories), opts);
    expect(yes.map((s) => s.member.id)).toEqual(["lyon"]);
    expect(yes[0]?.reasons.map((r) => r.key)).toContain("directory.guide.reason.members");
  });

  it("does not send individuals to a business-only commercial service, but organisations yes", () => {
    expect(ids(parseGuide({ need: "email", who: "individual", account: "yes" }, categories))).toEqual([]);
    expect(ids(parseGuide({ need: "email", who: "organisation", account: "yes" }, categories))).toEqual([
      "bxl",
    ]);
  });

  it("keeps the list short and links to the same search in the finder", () => {
    const many = Array.from({ length: 12 }, (_, i) => listedService(`p${i}`, listedMember(`m${i}`)));
    expect(recommend(many, parseGuide({ need: "pad" }, categories), opts)).toHaveLength(5);
    expect(finderLink(parseGuide({ need: "pad", where: "FR/Bretagne", account: "none" }, categories))).toBe(
      "?category=pad&access=none&country=FR&region=Bretagne",
    );
  });
});
