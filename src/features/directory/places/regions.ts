import { frenchRegions } from "./communes.js";

/**
 * The region a member's address falls in, in the words members use (French, as in the directory's
 * filters): France's from the Code officiel géographique, Belgium's, Switzerland's cantons and
 * Québec by their GeoNames first-level codes. Elsewhere the region is left to the member.
 */
const NAMES: Record<string, string> = {
  "BE.BRU": "Bruxelles-Capitale",
  "BE.WAL": "Wallonie",
  "BE.VLG": "Flandre",
  "CA.10": "Québec",
  "CH.AG": "Argovie",
  "CH.AI": "Appenzell Rhodes-Intérieures",
  "CH.AR": "Appenzell Rhodes-Extérieures",
  "CH.BE": "Berne",
  "CH.BL": "Bâle-Campagne",
  "CH.BS": "Bâle-Ville",
  "CH.FR": "Fribourg",
  "CH.GE": "Genève",
  "CH.GL": "Glaris",
  "CH.GR": "Grisons",
  "CH.JU": "Jura",
  "CH.LU": "Lucerne",
  "CH.NE": "Neuchâtel",
  "CH.NW": "Nidwald",
  "CH.OW": "Obwald",
  "CH.SG": "Saint-Gall",
  "CH.SH": "Schaffhouse",
  "CH.SO": "Soleure",
  "CH.SZ": "Schwytz",
  "CH.TG": "Thurgovie",
  "CH.TI": "Tessin",
  "CH.UR": "Uri",
  "CH.VD": "Vaud",
  "CH.VS": "Valais",
  "CH.ZG": "Zoug",
  "CH.ZH": "Zurich",
};

/** GeoNames' country codes of France's overseas regions, whose admin codes are INSEE's. */
export const FRENCH_OVERSEAS: Record<string, string> = { GP: "01", MQ: "02", GF: "03", RE: "04", YT: "06" };

export function regionName(countryCode: string, admin: string): string | null {
  if (countryCode === "FR") return frenchRegions().get(admin) ?? null;
  const overseas = FRENCH_OVERSEAS[countryCode];
  if (overseas) return frenchRegions().get(overseas) ?? null;
  return NAMES[`${countryCode}.${admin}`] ?? null;
}
