import { describe, expect, it } from "vitest";
import { gazetteer } from "./gazetteer.js";
import { resolvePlace, type Resolution } from "./resolve.js";
import { haversineKm } from "../finder/near.js";

/** The cases that matter, against the packages' real data (read from node_modules, offline). */

const g = gazetteer();
const place = (text: string, country?: string) => {
  const r: Resolution = resolvePlace(g, text, { country: country ?? null });
  if (!r.ok) throw new Error(`not found: ${text}`);
  return r.place;
};

describe("the gazetteer", () => {
  it("reads the world's towns and France's communes", () => {
    expect(g.world.size).toBeGreaterThan(100_000);
    expect(g.communes.byPostcode.size).toBeGreaterThan(5_000);
  });

  it("finds cities by name, whatever the case and accents, with their region", () => {
    expect(place("Lyon")).toMatchObject({ name: "Lyon", countryCode: "FR", region: "Auvergne-Rhône-Alpes" });
    expect(place("saint-etienne")).toMatchObject({ name: "Saint-Étienne", region: "Auvergne-Rhône-Alpes" });
    expect(place("Liège")).toMatchObject({ countryCode: "BE", region: "Wallonie" });
    expect(place("Genève")).toMatchObject({ countryCode: "CH", region: "Genève" });
    expect(place("Montréal")).toMatchObject({ countryCode: "CA", region: "Québec" });
    expect(place("Luxembourg")).toMatchObject({ countryCode: "LU" });
  });

  it("settles homonyms by population, the collective's countries first, or by the country asked", () => {
    expect(place("Paris").countryCode).toBe("FR");
    expect(place("London").countryCode).toBe("GB");
    expect(place("Mons").countryCode).toBe("BE");
    expect(place("Mons", "FR").countryCode).toBe("FR");
    expect(place("Mons, FR").countryCode).toBe("FR");
  });

  it("knows the French, English and German names of neighbouring cities", () => {
    expect(place("Bruxelles")).toMatchObject({ countryCode: "BE", region: "Bruxelles-Capitale" });
    expect(place("Genf").countryCode).toBe("CH");
    expect(place("Bâle").countryCode).toBe("CH");
  });

  it("reads French postcodes, and places small communes at their arrondissement's chief town", () => {
    expect(place("69007")).toMatchObject({ name: "Lyon", postcode: "69007" });
    expect(place("59000")).toMatchObject({ name: "Lille", region: "Hauts-de-France" });
    const vezelay = place("89450 Vézelay");
    expect(vezelay).toMatchObject({ name: "Vézelay", approximate: true, region: "Bourgogne-Franche-Comté" });
    expect(haversineKm(vezelay, { latitude: 47.466, longitude: 3.748 })).toBeLessThan(60);
  });

  it("takes coordinates as they are", () => {
    expect(place("45.76, 4.83")).toMatchObject({ latitude: 45.76, longitude: 4.83 });
    expect(resolvePlace(g, "95, 4").ok).toBe(false);
  });

  it("suggests the nearest names for an unknown place, and nearby postcodes for an unknown one", () => {
    const typo = resolvePlace(g, "Lyonn");
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.suggestions.map((s) => s.value)).toContain("Lyon");
    const postcode = resolvePlace(g, "69999");
    expect(postcode.ok).toBe(false);
    if (!postcode.ok) expect(postcode.suggestions[0]?.value).toMatch(/^69\d{3}$/);
    const nothing = resolvePlace(g, "Xqzwvkk");
    expect(nothing).toEqual({ ok: false, suggestions: [] });
  });

  it("measures distances on the sphere", () => {
    const lyon = { latitude: 45.76, longitude: 4.83 };
    const paris = { latitude: 48.86, longitude: 2.35 };
    expect(haversineKm(lyon, paris)).toBeGreaterThan(385);
    expect(haversineKm(lyon, paris)).toBeLessThan(395);
    expect(haversineKm(lyon, lyon)).toBe(0);
  });
});
