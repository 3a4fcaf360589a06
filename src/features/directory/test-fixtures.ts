import type { ListedMember, ListedService } from "./finder/snapshot.js";

/** Builders of the directory's in-memory rows, for the pure rule tests. */
export function listedMember(id: string, over: Partial<ListedMember> = {}): ListedMember {
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

export function listedService(
  id: string,
  member: ListedMember,
  over: Partial<ListedService> = {},
): ListedService {
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
    member,
    replaces: [],
    ...over,
  };
}
