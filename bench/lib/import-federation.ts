/**
 * A federation to import, served on loopback (run as its own process so its CPU is not the
 * importer's): `orgs` organizations over `hosts` servers, each with 1 to 8 service files (the
 * number is a function of the organization's index), one service in three with a metrics file,
 * and a few organizations that hurt as real ones do: a server error, an HTML page, a file far
 * past its deadline, values that do not check, a software no category is known for.
 *
 *   npx tsx bench/lib/import-federation.ts --orgs 1000 --hosts 50
 *   (prints {"url", "files", "services", "broken", "slow"} on one line, then serves until killed)
 */
import { createServer, type Server } from "node:http";
import { parseArgs } from "node:util";

const SOFTWARE = [
  "Etherpad",
  "Nextcloud",
  "Mastodon",
  "PeerTube",
  "Jitsi Meet",
  "Framadate",
  "Lufi",
  "PrivateBin",
];

/** What each organization index is: most are plain, a few are broken in one way each. */
export function kindOf(org: number): "ok" | "error" | "html" | "slow" | "invalid" {
  if (org % 97 === 13) return "error";
  if (org % 89 === 7) return "html";
  if (org % 199 === 5) return "slow";
  if (org % 53 === 11) return "invalid";
  return "ok";
}

const ETAG = '"v1"';

export const servicesOf = (org: number) => 1 + ((org * 7 + 3) % 8);
const hasMetrics = (org: number, s: number) => (org + s) % 3 === 0;

function header(cls: string, url: string): string {
  return `file.class = ${cls}\nfile.protocol = ChatonsInfos-0.5\nfile.datetime = 2026-01-15T08:00:00\nfile.generator = bench\nfile.url = ${url}\n`;
}

function organization(base: string, org: number): string {
  const subs = Array.from(
    { length: servicesOf(org) },
    (_, s) => `subs.svc${s} = ${base}/o${org}/svc${s}.properties`,
  ).join("\n");
  const invalid = kindOf(org) === "invalid";
  return `${header("Organization", `${base}/o${org}.properties`)}
organization.name = Chaton importé ${org}
organization.description = Structure d'une fédération à importer
organization.type = ${invalid ? "PLANETE" : "ASSOCIATION"}
organization.status.level = ACTIVE
organization.website = ${base}/o${org}/
organization.contact.email = ${invalid ? "pas-une-adresse" : `contact@o${org}.example.org`}
organization.legal.url = ${base}/o${org}/legal
organization.memberof.chatons.status.level = ACTIVE
organization.memberof.chatons.startdate = 2019-0${1 + (org % 9)}-15
organization.country.code = FR
organization.geolocation.latitude = 45.${org % 90}
organization.geolocation.longitude = 4.${org % 80}
${subs}
`;
}

function service(base: string, org: number, s: number): string {
  // One organization in 41 runs a software no category is known for: its service is "to place".
  const software =
    org % 41 === 3 && s === 0 ? "Logiciel Inconnu" : (SOFTWARE[(org + s) % SOFTWARE.length] ?? "Etherpad");
  return `${header("Service", `${base}/o${org}/svc${s}.properties`)}
service.name = Service ${s} de ${org}
service.description = Service importé
service.website = ${base}/o${org}/svc${s}/
service.startdate = 2021-02-01
service.status.level = OK
service.registration = Free
service.registration.load = OPEN
software.name = ${software}
software.license.name = AGPL-3.0
host.country.code = FR
${hasMetrics(org, s) ? `subs.metrics = ${base}/o${org}/svc${s}-metrics.properties\n` : ""}`;
}

function metrics(base: string, org: number, s: number): string {
  const months = Array.from({ length: 12 }, (_, m) => String(100 + ((org * 13 + s) % 50) + m * 3)).join(",");
  return `${header("Service", `${base}/o${org}/svc${s}-metrics.properties`)}metrics.http.visits.2025.months = ${months}\n`;
}

function federation(hosts: string[], orgs: number): string {
  const subs = Array.from(
    { length: orgs },
    (_, o) => `subs.chaton-${o} = ${hosts[o % hosts.length]}/o${o}.properties`,
  );
  return `${header("Federation", `${hosts[0]}/federation.properties`)}federation.name = Fédération à importer
federation.description = Mille membres
federation.website = https://federation.example.org/
federation.contact.email = contact@federation.example.org
${subs.join("\n")}
`;
}

export async function startImportFederation(options: { orgs: number; hosts: number; slowMs: number }) {
  const servers: Server[] = [];
  const urls: string[] = [];
  for (let h = 0; h < options.hosts; h++) {
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const base = urls[h] ?? "";
      // Files never change here: a validator lets the second crawl be answered 304, as a good server does.
      const send = (status: number, body: string, type = "text/plain; charset=utf-8") => {
        if (status === 200 && path !== "/robots.txt") {
          if (req.headers["if-none-match"] === ETAG) {
            res.statusCode = 304;
            res.end();
            return;
          }
          res.setHeader("etag", ETAG);
        }
        res.statusCode = status;
        res.setHeader("content-type", type);
        res.end(body);
      };
      let m: RegExpExecArray | null;
      if (path === "/robots.txt") return send(200, "User-agent: *\nDisallow: /private/\n");
      if (path === "/federation.properties" && h === 0) return send(200, federation(urls, options.orgs));
      if ((m = /^\/o(\d+)\.properties$/.exec(path))) {
        const org = Number(m[1]);
        const kind = kindOf(org);
        if (kind === "error") return send(500, "Internal Server Error");
        if (kind === "html")
          return send(200, "<!doctype html><title>Oups</title><h1>Maintenance</h1>", "text/html");
        if (kind === "slow") {
          setTimeout(() => send(200, organization(base, org)), options.slowMs).unref();
          return;
        }
        return send(200, organization(base, org));
      }
      if ((m = /^\/o(\d+)\/svc(\d+)\.properties$/.exec(path)))
        return send(200, service(base, Number(m[1]), Number(m[2])));
      if ((m = /^\/o(\d+)\/svc(\d+)-metrics\.properties$/.exec(path)))
        return send(200, metrics(base, Number(m[1]), Number(m[2])));
      return send(404, "not found");
    });
    server.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    servers.push(server);
    urls.push(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
  }
  let files = 1;
  let services = 0;
  let broken = 0;
  let slow = 0;
  for (let o = 0; o < options.orgs; o++) {
    files++;
    const kind = kindOf(o);
    if (kind === "slow") slow++;
    if (kind === "error" || kind === "html") {
      broken++;
      continue;
    }
    if (kind === "invalid") broken++;
    for (let s = 0; s < servicesOf(o); s++) {
      services++;
      files += hasMetrics(o, s) ? 2 : 1;
    }
  }
  return {
    url: `${urls[0]}/federation.properties`,
    files,
    services,
    broken,
    slow,
    close: () =>
      Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(
        () => undefined,
      ),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, "/bench/"))) {
  const { values } = parseArgs({
    options: {
      orgs: { type: "string", default: "1000" },
      hosts: { type: "string", default: "50" },
      "slow-ms": { type: "string", default: "15000" },
    },
  });
  const fed = await startImportFederation({
    orgs: Number(values.orgs),
    hosts: Number(values.hosts),
    slowMs: Number(values["slow-ms"]),
  });
  const { close: _close, ...facts } = fed;
  process.stdout.write(`${JSON.stringify(facts)}\n`);
}
