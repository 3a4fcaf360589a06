import { describe, expect, it } from "vitest";
import { baseMap, placeOnMap, MAP_HEIGHT, MAP_WIDTH } from "./map.js";
import { groupDots, GROUP_DISTANCE, HIT_RADIUS } from "./map.groups.js";

describe("base map", () => {
  const map = baseMap();

  it("draws the four countries of the frame and is computed once", () => {
    const focus = map.countries
      .filter((c) => c.focus)
      .map((c) => c.name)
      .sort();
    expect(focus).toEqual(["Belgium", "France", "Luxembourg", "Switzerland"]);
    expect(baseMap()).toBe(map);
    for (const c of map.countries) expect(c.d).toMatch(/^M[\d.-]/);
  });

  it("places Paris north of Marseille and Brest west of Strasbourg, inside the frame", () => {
    const paris = map.project(2.35, 48.86);
    const marseille = map.project(5.37, 43.3);
    const brest = map.project(-4.49, 48.39);
    const strasbourg = map.project(7.75, 48.57);
    const ajaccio = map.project(8.74, 41.92);
    for (const p of [paris, marseille, brest, strasbourg, ajaccio]) {
      expect(p).not.toBeNull();
      const [x, y] = p ?? [0, 0];
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(MAP_WIDTH);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(MAP_HEIGHT);
    }
    expect(paris?.[1] ?? 0).toBeLessThan(marseille?.[1] ?? 0);
    expect(brest?.[0] ?? 0).toBeLessThan(strasbourg?.[0] ?? 0);
  });

  it("lists members outside the frame (Québec) and without a position apart", () => {
    const placed = placeOnMap(
      [
        { id: "lyon", latitude: 45.76, longitude: 4.83 },
        { id: "montreal", latitude: 45.5, longitude: -73.57 },
        { id: "reunion", latitude: -21.1, longitude: 55.5 },
        { id: "unknown", latitude: null, longitude: null },
      ],
      map.project,
    );
    expect(placed.inside.map((p) => p.item.id)).toEqual(["lyon"]);
    expect(placed.outside.map((m) => m.id)).toEqual(["montreal", "reunion"]);
    expect(placed.nowhere.map((m) => m.id)).toEqual(["unknown"]);
  });
});

describe("grouping dots that would overlap", () => {
  it("keeps distant dots apart and merges close ones into one dot with its members", () => {
    const groups = groupDots([
      { item: "lyon", x: 500, y: 400 },
      { item: "villeurbanne", x: 503, y: 398 },
      { item: "grenoble", x: 540, y: 450 },
      { item: "lille", x: 450, y: 60 },
    ]);
    expect(groups.map((g) => g.items.sort())).toEqual([["lyon", "villeurbanne"], ["lille"], ["grenoble"]]);
    expect(groups[0]?.x).toBeCloseTo(501.5, 1);
  });

  it("never leaves two targets overlapping", () => {
    const dots = Array.from({ length: 60 }, (_, i) => ({ item: i, x: (i * 37) % 300, y: (i * 53) % 200 }));
    const groups = groupDots(dots);
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(60);
    for (const a of groups)
      for (const b of groups)
        if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(GROUP_DISTANCE - 0.2);
    expect(GROUP_DISTANCE).toBe(2 * HIT_RADIUS);
  });
});
