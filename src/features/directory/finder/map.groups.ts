/**
 * Dots that would overlap become one dot with a count. Every dot is drawn with an invisible target
 * of HIT_RADIUS: the map's 800 units shrink to about 360 CSS pixels on a 390-pixel phone, where a
 * radius of 27 units is still a 24-pixel target. Dots closer than two such radii are grouped, so
 * that no two targets overlap.
 */
export const HIT_RADIUS = 27;
export const GROUP_DISTANCE = 2 * HIT_RADIUS;

export interface Located<T> {
  item: T;
  x: number;
  y: number;
}

export interface Group<T> {
  x: number;
  y: number;
  items: T[];
}

/**
 * Greedy grouping, densest places first: each dot joins the first group whose centre is within
 * `distance`, or starts its own; a group's centre is the mean of its dots. Rounds until stable, so
 * that two groups whose centres drifted together merge.
 */
export function groupDots<T>(dots: readonly Located<T>[], distance = GROUP_DISTANCE): Group<T>[] {
  let groups: Group<T>[] = dots.map((d) => ({ x: d.x, y: d.y, items: [d.item] }));
  for (let round = 0; round < 10; round++) {
    const merged: Group<T>[] = [];
    for (const g of [...groups].sort((a, b) => b.items.length - a.items.length || a.y - b.y || a.x - b.x)) {
      const into = merged.find((m) => Math.hypot(m.x - g.x, m.y - g.y) < distance);
      if (!into) {
        merged.push({ ...g, items: [...g.items] });
        continue;
      }
      const n = into.items.length + g.items.length;
      into.x = (into.x * into.items.length + g.x * g.items.length) / n;
      into.y = (into.y * into.items.length + g.y * g.items.length) / n;
      into.items.push(...g.items);
    }
    if (merged.length === groups.length) return merged.map(rounded);
    groups = merged;
  }
  return groups.map(rounded);
}

function rounded<T>(g: Group<T>): Group<T> {
  return { x: Math.round(g.x * 10) / 10, y: Math.round(g.y * 10) / 10, items: g.items };
}
