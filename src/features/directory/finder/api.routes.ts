import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { sendCsv as sendCsvBody, toCsv, type CsvCell } from "../../../http/csv.js";
import { FACETS, finderQueryString, paginate, type Facet } from "./finder.js";
import { finderData, memberListData } from "./public.routes.js";
import { avatarPath } from "../../kittens/avatar.js";
import { logoPath } from "../logos/logos.js";
import { accepting } from "./finder.js";
import type { ListedMember, ListedService } from "./snapshot.js";
import type { CategoryRow } from "../directory.repository.js";
import type { Understood } from "./search.js";
import { describe } from "../alternatives/match.js";

/**
 * The same queries as /services and /members, as open data: JSON (paginated, with the counts per
 * filter value) and CSV (every matching row). Same parameters, same fair order of the day.
 */

const MAX_PER_PAGE = 200;

function perPage(c: AppContext): number {
  const n = Number(c.req.query("per_page") ?? "20");
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_PER_PAGE) : 20;
}

function sendCsv(c: AppContext, name: string, header: string[], rows: CsvCell[][]) {
  return sendCsvBody(c, `${name}.csv`, toCsv(header, rows), "inline");
}

function memberJson(c: AppContext, m: ListedMember) {
  const base = c.get("deps").config.baseUrl;
  return {
    slug: m.slug,
    name: m.name,
    type: m.type,
    city: m.city,
    region: m.region,
    country_code: m.countryCode,
    latitude: m.latitude,
    longitude: m.longitude,
    status: m.status,
    joined_at: m.joinedAt,
    website: m.website,
    services: m.serviceCount,
    page: `${base}/${c.get("locale")}/members/${m.slug}`,
    avatar: `${base}${avatarPath(m)}`,
    logo: m.logo ? `${base}${logoPath(m.slug, m.logo.hash)}` : null,
  };
}

function serviceJson(
  c: AppContext,
  s: ListedService,
  categories: Map<string, CategoryRow>,
  distances: Map<string, number> | null,
) {
  const category = categories.get(s.categoryId);
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    url: s.url,
    category: {
      id: s.categoryId,
      family: s.family,
      name_fr: category?.name_fr ?? null,
      name_en: category?.name_en ?? null,
      name_de: category?.name_de || null,
    },
    software: s.softwareSlug ? { slug: s.softwareSlug, name: s.softwareName } : null,
    access: s.access,
    registration_load: s.registrationLoad,
    price: s.price,
    audience: s.audience,
    languages: s.languages,
    host_country: s.hostCountry,
    status: s.status,
    accepting_new_users: accepting(s),
    replaces: s.replaces,
    distance_km: distances ? (distances.get(s.id) ?? null) : null,
    member: memberJson(c, s.member),
  };
}

/** What the search was understood as: the service it replaces and the place it is near. */
function understoodJson(c: AppContext, search: Understood) {
  const entry = search.alternative;
  const near = search.near;
  return {
    alternative: entry
      ? {
          id: entry.id,
          name: entry.name,
          vendor: entry.vendor,
          description: describe(entry, c.get("locale")),
          categories: entry.categories,
          software: entry.software,
          recognised_from_text: search.recognised !== null,
        }
      : null,
    near: near
      ? near.ok
        ? {
            found: true,
            name: near.place.name,
            postcode: near.place.postcode ?? null,
            region: near.place.region,
            country_code: near.place.countryCode || null,
            latitude: near.place.latitude,
            longitude: near.place.longitude,
            approximate: near.place.approximate === true,
          }
        : { found: false, suggestions: near.suggestions.map((s) => s.value) }
      : null,
  };
}

const SERVICE_CSV = [
  "service_id",
  "service_name",
  "service_url",
  "category",
  "family",
  "software",
  "access",
  "registration_load",
  "price",
  "languages",
  "audience",
  "host_country",
  "status",
  "member_slug",
  "member_name",
  "member_type",
  "city",
  "region",
  "country_code",
  "member_page",
  "distance_km",
];

const MEMBER_CSV = [
  "slug",
  "name",
  "type",
  "city",
  "region",
  "country_code",
  "latitude",
  "longitude",
  "status",
  "joined_at",
  "website",
  "services",
  "page",
];

function memberRow(c: AppContext, m: ListedMember): (string | number | null)[] {
  const j = memberJson(c, m);
  return [
    j.slug,
    j.name,
    j.type,
    j.city,
    j.region,
    j.country_code,
    j.latitude,
    j.longitude,
    j.status,
    j.joined_at,
    j.website,
    j.services,
    j.page,
  ];
}

export function directoryApi(app: Hono<AppEnv>): void {
  app.get("/api/services", async (c) => {
    const { snapshot, query, search, day, result } = await finderData(c);
    const categories = new Map(snapshot.categories.map((cat) => [cat.id, cat]));
    const page = paginate(result.all, query.page, perPage(c));
    const facets: Partial<Record<Facet, Record<string, number>>> = {};
    for (const facet of FACETS) facets[facet] = Object.fromEntries(result.counts[facet]);
    return c.json({
      query: finderQueryString(query),
      order_day: day,
      order: result.distances ? "distance" : "fair",
      ...understoodJson(c, search),
      total: page.total,
      page: page.page,
      pages: page.pages,
      results: page.items.map((s) => serviceJson(c, s, categories, result.distances)),
      facets,
    });
  });

  app.get("/api/services.csv", async (c) => {
    const { result } = await finderData(c);
    const base = c.get("deps").config.baseUrl;
    return sendCsv(
      c,
      "services",
      SERVICE_CSV,
      result.all.map((s) => [
        s.id,
        s.name,
        s.url,
        s.categoryId,
        s.family,
        s.softwareName,
        s.access,
        s.registrationLoad,
        s.price,
        s.languages.join(" "),
        s.audience.join(" "),
        s.hostCountry,
        s.status,
        s.member.slug,
        s.member.name,
        s.member.type,
        s.member.city,
        s.member.region,
        s.member.countryCode,
        `${base}/fr/members/${s.member.slug}`,
        result.distances?.get(s.id) ?? null,
      ]),
    );
  });

  app.get("/api/members", async (c) => {
    const { query, all } = await memberListData(c);
    const page = paginate(all, query.page, perPage(c));
    return c.json({
      query: finderQueryString(query),
      total: page.total,
      page: page.page,
      pages: page.pages,
      results: page.items.map((m) => memberJson(c, m)),
    });
  });

  app.get("/api/members.csv", async (c) => {
    const { all } = await memberListData(c);
    return sendCsv(
      c,
      "members",
      MEMBER_CSV,
      all.map((m) => memberRow(c, m)),
    );
  });
}
