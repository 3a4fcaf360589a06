import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  dailyOrder,
  facetCounts,
  finderQueryString,
  isEmptyQuery,
  paginate,
  parseFinderQuery,
  runFinder,
  type QueryInput,
} from "./finder.js";
import type { ListedMember, ListedService } from "./snapshot.js";

function member(id: string, over: Partial<ListedMember> = {}): ListedMember {
  return {
    id,
    slug: id,
    name: `Chaton ${id}`,
    type: "association",
    city: "Lyon",
    region: "Auvergne-Rhône-Alpes",
    countryCode: "FR",
    latitude: 45.7,
    longitude: 4.8,
    status: "active",
    avatar: null,
    logo: null,
    joinedAt: "2020-01-01",
    descriptionFr: "",
    descriptionEn: "",
    website: null,
    serviceCount: 0,
    ...over,
  };
}

function service(id: string, m: ListedMember, over: Partial<ListedService> = {}): ListedService {
  return {
    id,
    slug: id,
    name: `Service ${id}`,
    url: `https://${id}.example.org/`,
    descriptionFr: "",
    descriptionEn: "",
    categoryId: "pad",
    family: "work",
    softwareSlug: "etherpad",
    softwareName: "Etherpad",
    access: "none",
    registrationLoad: "open",
    price: "free",
    audience: ["everyone"],
    languages: ["fr"],
    hostCountry: "FR",
    status: "ok",
    member: m,
    replaces: [],
    ...over,
  };
}

const lyon = member("lyon");
const brussels = member("bxl", { countryCode: "BE", region: "Bruxelles-Capitale", type: "cooperative" });
const fixtures: ListedService[] = [
  service("s1", lyon),
  service("s2", lyon, { categoryId: "email", family: "communication", access: "members", price: "pwyw" }),
  service("s3", brussels),
  service("s4", brussels, { access: "open", registrationLoad: "full", languages: ["fr", "en"] }),
  service("s5", brussels, { categoryId: "poll", softwareSlug: "framadate", status: "maintenance" }),
];
const known = { categories: ["pad", "email", "poll"] };
const q = (input: QueryInput) => parseFinderQuery(input, known);
const ids = (r: ListedService[]) => r.map((s) => s.id).sort();

describe("finder query", () => {
  it("drops values that cannot match and keeps the rest", () => {
    const query = q({
      category: ["pad", "nope"],
      access: ["none", "bogus"],
      country: ["FR", "france"],
      page: ["-3"],
      q: [" pad\u0000 "],
    });
    expect(query.category).toEqual(["pad"]);
    expect(query.access).toEqual(["none"]);
    expect(query.country).toEqual(["FR"]);
    expect(query.page).toBe(1);
    expect(query.q).toBe("pad");
  });

  it("writes a permalink that reads back to the same query", () => {
    const query = q({
      q: ["bloc notes"],
      category: ["pad"],
      access: ["none", "open"],
      open: ["1"],
      page: ["2"],
    });
    const text = finderQueryString(query, { page: query.page });
    const params = new URLSearchParams(text.slice(1));
    const input: QueryInput = {};
    for (const key of new Set(params.keys())) input[key] = params.getAll(key);
    expect(q(input)).toEqual(query);
    expect(isEmptyQuery(q({}))).toBe(true);
    expect(finderQueryString(q({}))).toBe("");
  });
});

describe("finder filters", () => {
  it("combines filters: AND across kinds, OR within one", () => {
    expect(ids(runFinder(fixtures, q({ category: ["pad"], country: ["BE"] }), null, "d").all)).toEqual([
      "s3",
      "s4",
    ]);
    expect(
      ids(runFinder(fixtures, q({ access: ["none", "members"], country: ["FR"] }), null, "d").all),
    ).toEqual(["s1", "s2"]);
    expect(ids(runFinder(fixtures, q({ type: ["cooperative"], language: ["en"] }), null, "d").all)).toEqual([
      "s4",
    ]);
    expect(ids(runFinder(fixtures, q({ software: ["framadate"] }), null, "d").all)).toEqual(["s5"]);
  });

  it("keeps only services accepting new users when asked (open and status ok)", () => {
    expect(ids(runFinder(fixtures, q({ open: ["1"] }), null, "d").all)).toEqual(["s1", "s2", "s3"]);
  });

  it("intersects with the text search", () => {
    expect(ids(runFinder(fixtures, q({ category: ["pad"] }), new Set(["s1", "s5"]), "d").all)).toEqual([
      "s1",
    ]);
  });

  it("counts, for each filter value, what choosing it would give with the other filters kept", () => {
    const counts = facetCounts(fixtures, q({ category: ["pad"], country: ["BE"] }), null);
    // country facet ignores the country filter itself: pads in FR (1) and BE (2)
    expect(counts.country.get("FR")).toBe(1);
    expect(counts.country.get("BE")).toBe(2);
    // category facet ignores the category filter: in BE, pads (2) and polls (1)
    expect(counts.category.get("pad")).toBe(2);
    expect(counts.category.get("poll")).toBe(1);
    expect(counts.category.get("email")).toBeUndefined();
    expect(counts.open.get("1")).toBe(1);
  });
});

describe("fair order", () => {
  const items = Array.from({ length: 50 }, (_, i) => ({ id: `id-${i}` }));

  it("is the same all day and different the next day", () => {
    expect(dailyOrder(items, "2026-11-24")).toEqual(dailyOrder([...items].reverse(), "2026-11-24"));
    expect(dailyOrder(items, "2026-11-25")).not.toEqual(dailyOrder(items, "2026-11-24"));
  });

  it("is not alphabetical and puts different members first on different days", () => {
    const firsts = new Set(
      Array.from(
        { length: 10 },
        (_, d) => dailyOrder(items, `2026-12-${String(d + 1).padStart(2, "0")}`)[0]?.id,
      ),
    );
    expect(firsts.size).toBeGreaterThan(5);
    expect(dailyOrder(items, "2026-11-24").map((i) => i.id)).not.toEqual(items.map((i) => i.id).sort());
  });

  it("is a permutation, and pages cover every item exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 30 }), (n, per) => {
        const list = dailyOrder(
          Array.from({ length: n }, (_, i) => ({ id: String(i) })),
          "2026-11-24",
        );
        const first = paginate(list, 1, per);
        const seen: string[] = [];
        for (let p = 1; p <= first.pages; p++) seen.push(...paginate(list, p, per).items.map((i) => i.id));
        expect(seen.sort()).toEqual(list.map((i) => i.id).sort());
        expect(paginate(list, 999, per).page).toBe(first.pages);
      }),
    );
  });
});
