import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../tests/helpers/platform.js";
import { makeMember, makeService } from "../../tests/helpers/factories.js";
import { escapeHtml } from "../../tests/helpers/html.js";
import { ofName, toName } from "./grammar.js";
import { translator } from "./index.js";

describe("French de and à before a name", () => {
  it.each([
    ["Le Moulin Numérique", "du Moulin Numérique"],
    ["Les Chatons", "des Chatons"],
    ["La Chatière", "de La Chatière"],
    ["L'Ours", "de L'Ours"],
    ["L’Ours", "de L’Ours"],
    ["Association Tilleul", "d'Association Tilleul"],
    ["IndieHosters", "d'IndieHosters"],
    ["Écluse", "d'Écluse"],
    ["Hébergement Solidaire", "d'Hébergement Solidaire"],
    ["Yggdrasil", "d'Yggdrasil"],
    ["Hibou Libre", "de Hibou Libre"],
    ["Haut Débit", "de Haut Débit"],
    ["Framasoft", "de Framasoft"],
    ["42l", "de 42l"],
    ["Lemonade", "de Lemonade"],
    ["Lesbos Net", "de Lesbos Net"],
    ["Le", "de Le"],
    ["  Le Nuage Numérique ", "du Nuage Numérique"],
    ["le nuage", "du nuage"],
  ])("de + %s → %s", (name, expected) => {
    expect(ofName("fr", name)).toBe(expected);
  });

  it.each([
    ["Le Moulin Numérique", "au Moulin Numérique"],
    ["Les Chatons", "aux Chatons"],
    ["La Chatière", "à La Chatière"],
    ["L'Ours", "à L'Ours"],
    ["Association Tilleul", "à Association Tilleul"],
  ])("à + %s → %s", (name, expected) => {
    expect(toName("fr", name)).toBe(expected);
  });

  it("says of/to in English and von/vom, zu/zum in German", () => {
    expect(ofName("en", "Le Moulin")).toBe("of Le Moulin");
    expect(toName("en", "Le Moulin")).toBe("to Le Moulin");
    expect(ofName("de", "Framasoft")).toBe("von Framasoft");
    expect(ofName("de", "Das Netz")).toBe("vom Netz");
    expect(ofName("de", "Der Hof")).toBe("vom Hof");
    expect(ofName("de", "Die Wolke")).toBe("von Die Wolke");
    expect(toName("de", "Das Netz")).toBe("zum Netz");
  });
});

describe("messages that put de before a member's name", () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => {
    await t.stop();
  });

  it("take the contracted form in French and the name as written elsewhere", async () => {
    const member = await makeMember(t.deps.db, { name: "Le Moulin Numérique" });
    const service = await makeService(t.deps.db, member.id, { name: "Etherpad" });
    const get = async (path: string) => (await t.client().get(path)).text;
    const organization = `/stats/organizations/${member.slug}`;
    expect(await get(`/fr${organization}`)).toContain("<h1>Statistiques du Moulin Numérique</h1>");
    expect(await get(`/en${organization}`)).toContain("<h1>Statistics of Le Moulin Numérique</h1>");
    expect(await get(`/de${organization}`)).toContain("<h1>Statistiken von Le Moulin Numérique</h1>");
    const page = await get(`/fr/stats/services/${member.slug}/${service.slug}`);
    expect(page).toContain("<h1>Etherpad du Moulin Numérique</h1>");
    expect(page).toContain(escapeHtml("Disponibilité d'Etherpad sur 90 jours"));
  });

  it("give the message variables that match", () => {
    const fr = translator("fr");
    const vars = (name: string) => ({ name, name_of: ofName("fr", name) });
    expect(fr("applications.app.title", vars("Le Moulin Numérique"))).toBe("Candidature du Moulin Numérique");
    expect(fr("applications.app.title", vars("Association Tilleul"))).toBe(
      "Candidature d'Association Tilleul",
    );
    expect(fr("applications.mail.reply.subject", vars("Les Chatons"))).toBe("Réponse des Chatons");
    expect(fr("kittens.avatar.of", vars("La Chatière"))).toBe("Avatar de La Chatière");
    expect(translator("en")("applications.app.title", vars("Le Moulin"))).toBe("Application of Le Moulin");
    expect(translator("de")("applications.app.title", vars("Le Moulin"))).toBe("Bewerbung von Le Moulin");
  });
});
