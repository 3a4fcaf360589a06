import type { MessageKey } from "../../../i18n/index.js";
import { SERVICE_FAMILIES, type ServiceAccess } from "../directory.tables.js";
import { dailyOrder, finderQueryString, emptyQuery } from "./finder.js";
import type { ListedMember, ListedService } from "./snapshot.js";

/**
 * "Which member for me?": four answers lead to a few structures, each with the reasons it fits.
 * Hard conditions (the need, the kind of access, the country when someone offers it there) filter;
 * soft ones (region, audience, price, activity, language) rank; ties follow the day's fair order.
 */

export type Need =
  | { kind: "category" | "family"; id: string }
  /** "I want to leave Doodle": the categories of the catalogue entry. */
  | { kind: "alternative"; id: string; name: string; categories: readonly string[] };

export interface GuideAnswers {
  need: Need | null;
  who: "individual" | "organisation" | null;
  country: string | null;
  region: string | null;
  account: "none" | "yes" | "any";
}

export interface Reason {
  key: MessageKey;
  vars?: Record<string, string>;
}

export interface Suggestion {
  member: ListedMember;
  services: ListedService[];
  score: number;
  reasons: Reason[];
}

export const SUGGESTIONS = 5;

export function parseGuide(
  query: Record<string, string | undefined>,
  categories: string[],
  alternatives: ReadonlyMap<string, { name: string; categories: readonly string[] }> = new Map(),
): GuideAnswers {
  const need = query.need ?? "";
  const leave = alternatives.get(query.leave ?? "");
  const family = need.startsWith("family:") ? need.slice(7) : "";
  const where = (query.where ?? "").split("/");
  const country = /^[A-Z]{2}$/.test(where[0] ?? "") ? (where[0] ?? null) : null;
  const region = country && where[1] ? where[1].slice(0, 80) : null;
  return {
    need: leave
      ? { kind: "alternative", id: query.leave ?? "", name: leave.name, categories: leave.categories }
      : categories.includes(need)
        ? { kind: "category", id: need }
        : SERVICE_FAMILIES.some((f) => f === family)
          ? { kind: "family", id: family }
          : null,
    who: query.who === "individual" || query.who === "organisation" ? query.who : null,
    country,
    region,
    account: query.account === "none" || query.account === "yes" ? query.account : "any",
  };
}

export const isAnswered = (a: GuideAnswers): boolean => a.need !== null;

function accessFits(s: ListedService, a: GuideAnswers): boolean {
  if (s.status === "down") return false;
  if (s.access === "none") return a.account !== "yes";
  if (a.account === "none" || s.registrationLoad !== "open") return false;
  // An individual rarely becomes a hosting company's client; an organisation may.
  return !(a.who === "individual" && s.access === "clients");
}

const ORG_AUDIENCES = ["associations", "businesses", "schools", "public-bodies"];

function audienceFits(s: ListedService, who: GuideAnswers["who"]): boolean {
  if (s.audience.length === 0 || s.audience.includes("everyone")) return true;
  return who === "individual"
    ? s.audience.includes("individuals")
    : s.audience.some((x) => ORG_AUDIENCES.includes(x));
}

const accessReason: Record<ServiceAccess, MessageKey> = {
  none: "directory.guide.reason.no_account",
  open: "directory.guide.reason.open",
  members: "directory.guide.reason.members",
  clients: "directory.guide.reason.clients",
};

function suggest(
  member: ListedMember,
  services: ListedService[],
  a: GuideAnswers,
  locale: string,
  serviceLabel: (s: ListedService) => string,
): Suggestion {
  let score = 0;
  const reasons: Reason[] = [
    ...(a.need?.kind === "alternative"
      ? [{ key: "directory.guide.reason.replaces" as const, vars: { name: a.need.name } }]
      : []),
    { key: "directory.guide.reason.offers", vars: { services: services.map(serviceLabel).join(", ") } },
  ];
  const accessBest = (["none", "open", "members", "clients"] as const).find((x) =>
    services.some((s) => s.access === x),
  );
  if (accessBest) reasons.push({ key: accessReason[accessBest] });
  if (services.some((s) => s.price === "free")) {
    score += 1;
    reasons.push({ key: "directory.guide.reason.free" });
  } else if (services.some((s) => s.price === "pwyw")) {
    score += 0.5;
    reasons.push({ key: "directory.guide.reason.pwyw" });
  }
  if (a.region && member.region === a.region) {
    score += 3;
    reasons.push({ key: "directory.guide.reason.region", vars: { region: a.region } });
  } else if (a.country && member.countryCode === a.country) {
    score += 1;
    reasons.push({ key: "directory.guide.reason.country" });
  }
  if (
    a.who &&
    services.some((s) => s.audience.length > 0 && !s.audience.includes("everyone") && audienceFits(s, a.who))
  ) {
    score += 1;
    reasons.push({
      key:
        a.who === "individual"
          ? "directory.guide.reason.individuals"
          : "directory.guide.reason.organisations",
    });
  }
  if (member.status === "active") score += 1;
  if (services.some((s) => s.languages.includes(locale))) score += 0.5;
  return { member, services, score, reasons };
}

export function recommend(
  all: readonly ListedService[],
  a: GuideAnswers,
  options: { day: string; locale: string; serviceLabel: (s: ListedService) => string; limit?: number },
): Suggestion[] {
  const need = a.need;
  if (!need) return [];
  const fits = (s: ListedService) =>
    need.kind === "alternative"
      ? need.categories.includes(s.categoryId)
      : need.kind === "category"
        ? s.categoryId === need.id
        : s.family === need.id;
  const fitting = all.filter(
    (s) => fits(s) && s.member.status !== "away" && accessFits(s, a) && audienceFits(s, a.who),
  );
  // Near you first: when someone in your country offers it, others are left out.
  const local = a.country ? fitting.filter((s) => s.member.countryCode === a.country) : [];
  const pool = local.length > 0 ? local : fitting;
  const byMember = new Map<string, ListedService[]>();
  for (const s of pool) byMember.set(s.member.id, [...(byMember.get(s.member.id) ?? []), s]);
  const suggestions = [...byMember.values()].flatMap((services) => {
    const member = services[0]?.member;
    return member ? [suggest(member, services, a, options.locale, options.serviceLabel)] : [];
  });
  const fair = new Map(
    dailyOrder(
      suggestions.map((s) => ({ id: s.member.id })),
      options.day,
    ).map((x, i) => [x.id, i]),
  );
  return suggestions
    .sort((x, y) => y.score - x.score || (fair.get(x.member.id) ?? 0) - (fair.get(y.member.id) ?? 0))
    .slice(0, options.limit ?? SUGGESTIONS);
}

/** The finder search showing every service behind the guide's answers. */
export function finderLink(a: GuideAnswers): string {
  const q = emptyQuery();
  if (a.need?.kind === "category") q.category = [a.need.id];
  if (a.need?.kind === "family") q.family = [a.need.id];
  if (a.need?.kind === "alternative") q.alternative = [a.need.id];
  if (a.country) q.country = [a.country];
  if (a.region) q.region = [a.region];
  if (a.account === "none") q.access = ["none"];
  if (a.account === "yes") {
    q.access = a.who === "individual" ? ["open", "members"] : ["open", "members", "clients"];
    q.open = true;
  }
  return finderQueryString(q);
}
