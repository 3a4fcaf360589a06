/**
 * THE table of ChatonsInfos properties: which keys each class of file has, whether they are
 * required, recommended or optional, their type and allowed values. The checker is driven by this
 * table only; changing a rule means changing a line here. Sources and [C]/[D]/[U] status are in
 * CHATONSINFOS.md §3; choices made where the sources are silent are in docs/decisions/020-*.md.
 */

export const FILE_CLASSES = ["federation", "organization", "service", "metrics", "device"] as const;
export type FileClass = (typeof FILE_CLASSES)[number];
export type CheckableClass = "federation" | "organization" | "service" | "metrics";

export type Requirement = "required" | "recommended" | "optional";

export type ValueType =
  | "string"
  | "url"
  | "email"
  | "date"
  | "datetime"
  | "decimal-degree"
  | "country-code"
  | "enum"
  | "enum-list"
  | "values"
  | "protocol"
  | "file-class";

export interface PropertySpec {
  /** Lower-case key; "*" stands for exactly one free segment (e.g. a social network name). */
  key: string;
  classes: readonly FileClass[];
  type: ValueType;
  requirement: Requirement;
  /** Allowed values for enum types, in their documented spelling. */
  values?: readonly string[];
  /** Old names of this key (lower-cased), accepted with a warning. */
  legacy?: readonly string[];
}

const ALL: readonly FileClass[] = ["federation", "organization", "service", "metrics", "device"];
const FED: readonly FileClass[] = ["federation"];
const ORG: readonly FileClass[] = ["organization"];
const SVC: readonly FileClass[] = ["service"];

const MEMBER_STATUS = ["ACTIVE", "IDLE", "AWAY"] as const;
/** service.status.level: ChatonsInfos (OK…VOID [U]) and StatoolInfos STATUS (ON…DRAFT [C S5]). */
const SERVICE_STATUS = [
  "OK",
  "WARNING",
  "ALERT",
  "ERROR",
  "OVER",
  "VOID",
  "ON",
  "MAINTENANCE",
  "DOWN",
  "OFF",
  "DRAFT",
] as const;
export const SERVER_TYPES = ["NANO", "PHYSICAL", "VIRTUAL", "SHARED", "CLOUD"] as const;
export const PROVIDER_TYPES = ["HOME", "HOSTEDBAY", "HOSTEDSERVER", "OUTSOURCED"] as const;

const p = (
  key: string,
  classes: readonly FileClass[],
  type: ValueType,
  requirement: Requirement,
  extra: Partial<PropertySpec> = {},
): PropertySpec => ({ key, classes, type, requirement, ...extra });

export const PROPERTIES: readonly PropertySpec[] = [
  // file.* — every file [C S6]; file.url made recommended (decision 020).
  p("file.class", ALL, "file-class", "required", {
    values: ["Federation", "Organization", "Service", "Device"],
  }),
  p("file.protocol", ALL, "protocol", "required"),
  p("file.datetime", ALL, "datetime", "required"),
  p("file.generator", ALL, "string", "required"),
  p("file.url", ALL, "url", "recommended"),

  // federation.* [C S5/S7]
  p("federation.name", FED, "string", "required"),
  p("federation.description", FED, "string", "required"),
  p("federation.website", FED, "url", "required"),
  p("federation.logo", FED, "url", "recommended"),
  p("federation.favicon", FED, "url", "recommended"),
  p("federation.contact.url", FED, "url", "optional"),
  p("federation.contact.email", FED, "email", "required"),
  p("federation.legal.url", FED, "url", "optional"),
  p("federation.guide.technical", FED, "url", "optional"),
  p("federation.guide.user", FED, "url", "optional"),
  p("federation.startdate", FED, "date", "optional"),
  p("federation.socialnetworks.*", FED, "url", "optional"),

  // organization.* [C S1], legacy names [C S8]
  p("organization.name", ORG, "string", "required"),
  p("organization.description", ORG, "string", "recommended"),
  p("organization.type", ORG, "enum", "required", {
    values: ["ASSOCIATION", "INFORMAL", "COOPERATIVE", "MICROCOMPANY", "COMPANY", "INDIVIDUAL", "OTHER"],
  }),
  p("organization.status.level", ORG, "enum", "recommended", { values: MEMBER_STATUS }),
  p("organization.status.description", ORG, "string", "optional"),
  p("organization.startdate", ORG, "date", "optional"),
  p("organization.enddate", ORG, "date", "optional"),
  p("organization.website", ORG, "url", "recommended"),
  p("organization.logo", ORG, "url", "optional"),
  p("organization.contact.url", ORG, "url", "optional"),
  p("organization.contact.email", ORG, "email", "recommended"),
  p("organization.legal.url", ORG, "url", "recommended"),
  p("organization.guide.technical", ORG, "url", "optional", { legacy: ["organization.technical.url"] }),
  p("organization.guide.user", ORG, "url", "optional"),
  p("organization.memberof.*.status.level", ORG, "enum", "required", { values: MEMBER_STATUS }),
  p("organization.memberof.*.status.description", ORG, "string", "optional"),
  p("organization.memberof.*.startdate", ORG, "date", "required"),
  p("organization.memberof.*.enddate", ORG, "date", "optional"),
  p("organization.owner.name", ORG, "string", "optional"),
  p("organization.owner.website", ORG, "url", "optional"),
  p("organization.owner.logo", ORG, "url", "optional"),
  p("organization.country.name", ORG, "string", "recommended"),
  p("organization.country.code", ORG, "country-code", "recommended"),
  p("organization.geolocation.latitude", ORG, "decimal-degree", "recommended"),
  p("organization.geolocation.longitude", ORG, "decimal-degree", "recommended"),
  p("organization.geolocation.address", ORG, "string", "optional", { legacy: ["organization.geography"] }),
  p("organization.socialnetworks.*", ORG, "url", "optional"),
  p("organization.chatrooms.*", ORG, "url", "optional"),
  p("organization.funding.*", ORG, "url", "optional"),

  // service.* [C S1]
  p("service.name", SVC, "string", "required"),
  p("service.description", SVC, "string", "recommended"),
  p("service.website", SVC, "url", "required"),
  p("service.logo", SVC, "url", "optional"),
  p("service.legal.url", SVC, "url", "recommended"),
  p("service.guide.technical", SVC, "url", "optional"),
  p("service.guide.user", SVC, "url", "optional"),
  p("service.contact.url", SVC, "url", "optional"),
  p("service.contact.email", SVC, "email", "optional"),
  p("service.startdate", SVC, "date", "recommended"),
  p("service.enddate", SVC, "date", "optional"),
  p("service.status.level", SVC, "enum", "recommended", { values: SERVICE_STATUS }),
  p("service.status.description", SVC, "string", "optional"),
  p("service.registration", SVC, "enum-list", "recommended", {
    values: ["None", "Free", "Member", "Client"],
  }),
  p("service.registration.load", SVC, "enum", "recommended", { values: ["OPEN", "FULL"] }),
  p("service.install.type", SVC, "enum", "optional", {
    values: [
      "DISTRIBUTION",
      "PROVIDER",
      "PACKAGE",
      "TOOLING",
      "CLONEREPO",
      "ARCHIVE",
      "SOURCES",
      "CONTAINER",
    ],
  }),

  // software.* [C S1]
  p("software.name", SVC, "string", "recommended"),
  p("software.website", SVC, "url", "recommended"),
  p("software.license.url", SVC, "url", "recommended"),
  p("software.license.name", SVC, "string", "recommended"),
  p("software.version", SVC, "string", "optional"),
  p("software.source.url", SVC, "url", "recommended"),
  p("software.modules", SVC, "values", "optional"),

  // host.* [C S1], plus the older StatoolInfos host.provider [C S6]
  p("host.name", SVC, "string", "recommended"),
  p("host.description", SVC, "string", "optional"),
  p("host.server.distribution", SVC, "string", "optional"),
  p("host.server.type", SVC, "enum", "optional", { values: SERVER_TYPES }),
  p("host.provider.type", SVC, "enum", "optional", { values: PROVIDER_TYPES }),
  p("host.provider.hypervisor", SVC, "string", "optional"),
  p("host.provider", SVC, "string", "optional"),
  p("host.country.name", SVC, "string", "recommended"),
  p("host.country.code", SVC, "country-code", "recommended"),

  // subs.<id> [C S1, S3]: member organizations, services, and a service's metrics file [U].
  p("subs.*", ["federation", "organization", "service"], "url", "optional"),
];

/**
 * Host combinations the YunoHost model marks impossible ("--") [C S1]: a nano-computer cannot be
 * rented as a dedicated server nor fully outsourced, and a physical machine cannot be outsourced.
 */
export const IMPOSSIBLE_HOSTS: readonly { server: string; provider: string }[] = [
  { server: "NANO", provider: "HOSTEDSERVER" },
  { server: "NANO", provider: "OUTSOURCED" },
  { server: "PHYSICAL", provider: "OUTSOURCED" },
];

/** Sections (first key segment) allowed per class, to tell "unknown key" from "wrong file". */
export const SECTIONS: Record<FileClass, readonly string[]> = {
  federation: ["file", "federation", "subs", "metrics"],
  organization: ["file", "organization", "subs", "metrics"],
  service: ["file", "service", "software", "host", "subs", "metrics"],
  metrics: ["file", "metrics", "subs"],
  device: ["file", "device", "host", "metrics", "subs"],
};

export interface SpecMatch {
  spec: PropertySpec;
  legacy: boolean;
}

const exact = new Map<string, SpecMatch>();
const patterns: PropertySpec[] = [];
for (const spec of PROPERTIES) {
  if (spec.key.includes("*")) patterns.push(spec);
  else exact.set(spec.key, { spec, legacy: false });
  for (const old of spec.legacy ?? []) exact.set(old, { spec, legacy: true });
}

export function matchesPattern(pattern: string, key: string): boolean {
  const a = pattern.split(".");
  const b = key.split(".");
  if (a.length !== b.length) return false;
  return a.every((seg, i) => (seg === "*" ? (b[i] ?? "") !== "" : seg === b[i]));
}

/** The spec of a (lower-cased) key, whatever the class; metrics keys are handled apart. */
export function findSpec(key: string): SpecMatch | undefined {
  const hit = exact.get(key);
  if (hit) return hit;
  const spec = patterns.find((s) => matchesPattern(s.key, key));
  return spec ? { spec, legacy: false } : undefined;
}

/** Specs that apply to a class, for "missing" checks. */
export function specsFor(fileClass: FileClass): PropertySpec[] {
  return PROPERTIES.filter((s) => s.classes.includes(fileClass));
}

/** Keys of the same section close to a misspelt one (pixelfeld → pixelfed). */
export function suggestKey(key: string, fileClass: FileClass): string | undefined {
  let best: { key: string; d: number } | undefined;
  for (const spec of specsFor(fileClass)) {
    const candidate = spec.key.includes("*") ? fillPattern(spec.key, key) : spec.key;
    if (!candidate) continue;
    const d = distance(candidate, key, 3);
    if (d <= 2 && (!best || d < best.d)) best = { key: candidate, d };
  }
  return best?.key;
}

function fillPattern(pattern: string, key: string): string | undefined {
  const a = pattern.split(".");
  const b = key.split(".");
  if (a.length !== b.length) return undefined;
  return a.map((seg, i) => (seg === "*" ? (b[i] ?? "") : seg)).join(".");
}

/** Levenshtein distance, giving up (returning max) beyond `max` to stay cheap. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max;
    prev = cur;
  }
  return prev[b.length] ?? max;
}

/** Social networks and funding platforms have open-ended names: a known name suggests a typo. */
export const KNOWN_SOCIAL = [
  "diaspora",
  "facebook",
  "funkwhale",
  "mastodon",
  "pleroma",
  "mobilizon",
  "peertube",
  "pixelfed",
  "twitter",
] as const;

/** file.class as written (any case, British spelling too) to a class, or undefined. */
export function normaliseClass(value: string | undefined): FileClass | undefined {
  const v = (value ?? "").trim().toLowerCase();
  return v === "federation" || v === "organization" || v === "service" || v === "metrics" || v === "device"
    ? v
    : v === "organisation"
      ? "organization"
      : undefined;
}
