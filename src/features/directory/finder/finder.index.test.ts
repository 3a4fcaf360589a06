import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FACETS, dailyOrder, facetCounts, matches, parseFinderQuery, runFinder } from "./finder.js";
import type { ListedMember, ListedService } from "./snapshot.js";

/** The indexed finder gives what a scan of every service (the former implementation) gives. */

function pickOf<T>(items: readonly T[], n: number): T {
  const item = items[n % items.length];
  if (item === undefined) throw new Error("empty list");
  return item;
}

function member(n: number): ListedMember {
  return {
    id: `m${n}`,
    slug: `m${n}`,
    name: `Chaton ${n}`,
    type: pickOf(["association", "cooperative", "company"] as const, n),
    city: null,
    region: pickOf(["Bretagne", "Occitanie", null], n),
    countryCode: pickOf(["FR", "BE", null], n >> 1),
    latitude: null,
    longitude: null,
    status: "active",
    avatar: null,
    logo: null,
    joinedAt: null,
    descriptionFr: "",
    descriptionEn: "",
    website: null,
    serviceCount: 0,
  };
}

function service(n: number, seed: number[], members: ListedMember[]): ListedService {
  const v = (i: number) => seed[(n + i) % seed.length] ?? 0;
  return {
    id: `s${n}`,
    slug: `s${n}`,
    name: `Service ${n}`,
    url: `https://s${n}.example.org/`,
    descriptionFr: "",
    descriptionEn: "",
    categoryId: pickOf(["pad", "poll", "email", "forge"], v(0)),
    family: pickOf(["work", "communication", "web"] as const, v(1)),
    softwareSlug: pickOf(["etherpad", "framadate", null], v(2)),
    softwareName: null,
    access: pickOf(["none", "open", "members", "clients"] as const, v(3)),
    registrationLoad: pickOf(["open", "full"] as const, v(4)),
    price: pickOf(["free", "pwyw", "paid"] as const, v(5)),
    audience: [],
    languages: pickOf([["fr"], ["fr", "en"], [], ["de"]], v(6)),
    hostCountry: null,
    status: pickOf(["ok", "ok", "maintenance"] as const, v(7)),
    member: pickOf(members, v(8)),
    replaces: pickOf([[], ["google-docs"], ["google-docs", "doodle"]], v(9)),
  };
}

const sub = <T>(items: readonly T[]) => fc.subarray([...items], { maxLength: Math.min(2, items.length) });

describe("indexed finder", () => {
  it("finds and counts the same services as a scan, in the day's order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }),
        fc.record({
          category: sub(["pad", "poll", "email", "nope"]),
          access: sub(["none", "open", "members"]),
          country: sub(["FR", "BE"]),
          region: sub(["Bretagne"]),
          language: sub(["fr", "en", "de"]),
          type: sub(["association", "company"]),
          alternative: sub(["google-docs", "doodle"]),
          open: fc.subarray(["1"], { maxLength: 1 }),
        }),
        fc.option(fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 30 }), { nil: undefined }),
        (count, seed, input, text) => {
          const members = Array.from({ length: 7 }, (_, i) => member(i));
          const services = Array.from({ length: count }, (_, i) => service(i, seed, members));
          const q = parseFinderQuery(input, {
            categories: ["pad", "poll", "email", "forge"],
            alternatives: ["google-docs", "doodle"],
          });
          const textIds = text ? new Set(text.map((n) => `s${n}`)) : null;
          const day = "2026-12-01";
          const got = runFinder(services, q, textIds, day, 1000);
          const expected = dailyOrder(
            services.filter((s) => matches(s, q, textIds)),
            day,
          );
          expect(got.all.map((s) => s.id)).toEqual(expected.map((s) => s.id));
          const counts = facetCounts(services, q, textIds);
          for (const facet of FACETS)
            expect(Object.fromEntries(got.counts[facet])).toEqual(Object.fromEntries(counts[facet]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
