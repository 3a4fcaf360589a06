import type { Config } from "../../../config.js";
import type { MemberRow } from "../../directory/directory.repository.js";
import { organizationInput, serviceInput, type ServiceRow } from "../generated.js";
import { writeMetrics, writeOrganization, writeService, type Lines } from "../chatonsinfos/write.js";

/**
 * The ChatonsInfos files the demo members "publish" on their simulated sites: written from the
 * demo data by the real writer, then given the quirks and mistakes real files have (YunoHost
 * style, legacy names, bad values, a page served as HTML, a missing file, a subs loop) so that
 * the check pages have something to show. Every choice is a pure function of the slugs.
 */

/** A stable number in [0, 1) from a string (FNV-1a). */
export function hash01(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

export type Quirk = "ynh" | "legacy" | "errors" | "html-service" | "missing-service" | "cycle" | "clean";

export function quirkOf(memberSlug: string): Quirk {
  const h = hash01(`quirk:${memberSlug}`);
  if (h < 0.15) return "ynh";
  if (h < 0.22) return "legacy";
  if (h < 0.32) return "errors";
  if (h < 0.36) return "html-service";
  if (h < 0.39) return "missing-service";
  if (h < 0.41) return "cycle";
  return "clean";
}

export const hasMetrics = (memberSlug: string, serviceSlug: string) =>
  hash01(`metrics:${memberSlug}/${serviceSlug}`) < 0.45;

/** The demo file names under <site>/.well-known/chatonsinfos/. */
export const metricsFileName = (serviceSlug: string) => `${serviceSlug}-metrics.properties`;

function siteBase(m: MemberRow): string {
  return (m.chatonsinfos_url ?? "").replace(/[^/]+$/, "");
}

function replaceLine(text: string, key: string, value: string | null): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.startsWith(`${key} =`));
  if (i < 0) return value === null ? text : text.replace(/\n$/, `\n${key} = ${value}\n`);
  if (value === null) lines.splice(i, 1);
  else lines[i] = `${key} = ${value}`;
  return lines.join("\n");
}

function ynh(text: string): string {
  let out = replaceLine(text, "file.generator", "chatonsinfos_ynh");
  out = replaceLine(out, "file.url", null);
  out = out.replace(/^(subs\.[^ ]+) = (.+)$/gm, "$1 = '$2'");
  out = out.replace(/^service\.startdate = (\d{4})-(\d{2})-(\d{2})$/m, "service.startdate = $3/$2/$1");
  return out;
}

export function organizationText(config: Config, m: MemberRow, services: ServiceRow[]): string {
  const quirk = quirkOf(m.slug);
  const input = { ...organizationInput(config, m, services), url: m.chatonsinfos_url ?? "" };
  input.subs = services.map((s) => ({
    id: s.slug,
    url: s.chatonsinfos_url ?? `${siteBase(m)}${s.slug}.properties`,
  }));
  if (quirk === "cycle") input.subs.push({ id: "moi", url: m.chatonsinfos_url ?? "" });
  let text = writeOrganization(input);
  if (quirk === "ynh")
    text = `${ynh(text)}organization.socialnetworks.pixelfeld =\norganization.funding.Tipee =\n`;
  if (quirk === "legacy") {
    text = replaceLine(text, "file.class", "organization");
    text = text.replace("organization.geolocation.address =", "organization.geography =");
    text = `${text}organization.startDate = ${m.joined_at ?? ""}\norganization.technical.url = ${m.website ?? ""}\n`;
  }
  if (quirk === "errors") {
    text = replaceLine(text, "organization.type", "ASSOCIATIVE");
    text = replaceLine(text, "organization.geolocation.latitude", "nord");
  }
  return text;
}

export type ServiceAnswer = { status: 200; type: string; body: string } | { status: 404 };

export function serviceAnswer(config: Config, m: MemberRow, s: ServiceRow, index: number): ServiceAnswer {
  const quirk = quirkOf(m.slug);
  if (index === 0 && quirk === "html-service")
    return {
      status: 200,
      type: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="fr"><head><title>Page introuvable</title></head><body><h1>Oups !</h1><p>Cette page n'existe pas.</p></body></html>`,
    };
  if (index === 0 && quirk === "missing-service") return { status: 404 };
  const input = { ...serviceInput(config, m, s), url: s.chatonsinfos_url ?? "" };
  input.subs = hasMetrics(m.slug, s.slug)
    ? [{ id: "metrics", url: `${siteBase(m)}${metricsFileName(s.slug)}` }]
    : [];
  if (index === 0 && quirk === "cycle")
    input.subs.push({ id: "organisation", url: m.chatonsinfos_url ?? "" });
  let body = writeService(input);
  if (quirk === "ynh") {
    body = ynh(body);
    body = `${body}service.install.type = DISTRIBUTION\nhost.server.distribution = YunoHost\nhost.server.type = PHYSICAL\nhost.provider.type = HOME\n`;
  }
  if (quirk === "errors" && index === 0) {
    body = replaceLine(body, "service.registration", "Nobody");
    body = replaceLine(body, "service.startdate", "31/02/2020");
    body = replaceLine(body, "host.country.code", "France");
    body = `${body}host.server.type = NANO\nhost.provider.type = OUTSOURCED\n`;
  }
  if (quirk === "errors" && index === 1) body = replaceLine(body, "service.registration.load", "HALF");
  return { status: 200, type: "text/plain; charset=utf-8", body };
}

/** Monthly and weekly visits (and accounts for services with accounts), with a few implausible values. */
export function metricsLines(memberSlug: string, s: ServiceRow, now: Date): Lines {
  const h = hash01(`visits:${memberSlug}/${s.slug}`);
  const base = 40 + h * 2500;
  const start = s.start_date ? Date.parse(s.start_date) : Date.UTC(2019, 0, 1);
  const lines: Lines = [];
  const year = now.getUTCFullYear();
  for (const y of [year - 1, year]) {
    const months: string[] = [];
    for (let mo = 0; mo < (y === year ? now.getUTCMonth() + 1 : 12); mo++) {
      const at = Date.UTC(y, mo, 15);
      if (at < start) {
        months.push("");
        continue;
      }
      const k = (at - start) / (30 * 86_400_000);
      months.push(String(Math.round(base * (1 + 0.02 * k) * (1 + 0.18 * Math.sin(mo + h * 6)))));
    }
    if (y === year && hash01(`spike:${memberSlug}/${s.slug}`) < 0.1 && months.length > 2)
      months[months.length - 2] = String(Number(months[months.length - 2]) * 150 || 9000);
    if (y === year - 1 && hash01(`neg:${memberSlug}/${s.slug}`) < 0.05) months[5] = "-12";
    lines.push([`metrics.http.visits.humans.${y}.months`, months.join(",")]);
  }
  const week = Math.min(52, Math.floor((now.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1);
  const weeks = Array.from({ length: week }, (_, i) =>
    String(Math.round((base / 4.3) * (1 + 0.12 * Math.sin(i + h * 9)))),
  );
  lines.push([`metrics.http.visits.humans.${year}.weeks`, weeks.join(";")]);
  if (s.access === "open" || s.access === "members")
    lines.push([
      `metrics.service.accounts.${year}.months`,
      Array.from({ length: now.getUTCMonth() + 1 }, (_, i) => String(Math.round(base / 20 + i * 3))).join(
        ",",
      ),
    ]);
  return lines;
}

export function metricsText(config: Config, m: MemberRow, s: ServiceRow, now: Date): string {
  return writeMetrics({
    url: `${siteBase(m)}${metricsFileName(s.slug)}`,
    datetime: now.toISOString(),
    generator: quirkOf(m.slug) === "ynh" ? "chatonsinfos_ynh" : "demo",
    name: s.name,
    metrics: metricsLines(m.slug, s, now),
  });
}
