/**
 * A synthetic ChatonsInfos federation served on loopback, for crawl benchmarks: one federation
 * file, `orgs` organizations spread over `hosts` servers (distinct ports, so per-host limits act
 * as they would on real members' servers), `services` services per organization, each with a
 * metrics file. Files are generated on request from their path (nothing held in memory) and
 * answer conditional requests with 304, like a well configured web server.
 *
 *   npx tsx bench/lib/synthetic-federation.ts --orgs 1000 --services 10 --hosts 100
 *   (prints the federation URL, then serves until killed)
 */
import { createServer, type Server } from "node:http";
import { parseArgs } from "node:util";

export interface SyntheticOptions {
  orgs: number;
  services: number;
  hosts: number;
  /** Bumped to make every file change (a second crawl that is not all 304s). */
  version?: number;
}

export interface SyntheticFederation {
  url: string;
  files: number;
  close(): Promise<void>;
}

const SOFTWARE = [
  "Etherpad",
  "Nextcloud",
  "Mastodon",
  "PeerTube",
  "Jitsi Meet",
  "Framadate",
  "Lufi",
  "PrivateBin",
  "Mobilizon",
  "Forgejo",
];

function header(cls: string, url: string): string {
  return `# [File]\nfile.class = ${cls}\nfile.protocol = ChatonsInfos-0.5\nfile.datetime = 2026-01-15T08:00:00\nfile.generator = synthetic\nfile.url = ${url}\n`;
}

function organization(base: string, org: number, services: number): string {
  const subs = Array.from(
    { length: services },
    (_, s) => `subs.s${s} = ${base}/o${org}/s${s}.properties`,
  ).join("\n");
  return `${header("Organization", `${base}/o${org}.properties`)}
# [Organisation]
organization.name = Chaton synthétique ${org}
organization.description = Structure générée pour les mesures de performance
organization.type = ASSOCIATION
organization.status.level = ACTIVE
organization.website = ${base}/o${org}/
organization.contact.email = contact@o${org}.example.org
organization.legal.url = ${base}/o${org}/legal
organization.memberof.chatons.status.level = ACTIVE
organization.memberof.chatons.startdate = 2020-06-30
organization.country.name = France
organization.country.code = FR
organization.geolocation.latitude = 45,76
organization.geolocation.longitude = 4,83

# [Subs]
${subs}
`;
}

function service(base: string, org: number, s: number): string {
  return `${header("Service", `${base}/o${org}/s${s}.properties`)}
# [Service]
service.name = Service ${s} de ${org}
service.description = Service synthétique
service.website = ${base}/o${org}/s${s}/
service.legal.url = ${base}/o${org}/legal
service.startdate = 01/02/2021
service.status.level = OK
service.registration = Free
service.registration.load = OPEN
service.install.type = PACKAGE

# [Software]
software.name = ${SOFTWARE[s % SOFTWARE.length] ?? "Etherpad"}
software.website = https://example.org/software
software.license.url = https://spdx.org/licenses/AGPL-3.0.html
software.license.name = AGPL-3.0
software.source.url = https://example.org/source

# [Host]
host.name = Chaton synthétique ${org}
host.server.type = VIRTUAL
host.provider.type = HOSTEDSERVER
host.country.name = France
host.country.code = FR

subs.metrics = ${base}/o${org}/s${s}-metrics.properties
`;
}

function metrics(base: string, org: number, s: number): string {
  const seed = (org * 31 + s * 7) % 97;
  const months = (year: number) =>
    Array.from({ length: 12 }, (_, m) => String(100 + seed * 10 + m * 5 + (year - 2024) * 40)).join(",");
  const weeks = Array.from({ length: 52 }, (_, w) => String(20 + seed + (w % 9))).join(",");
  return `${header("Service", `${base}/o${org}/s${s}-metrics.properties`)}
metrics.http.visits.humans.2024.months = ${months(2024)}
metrics.http.visits.humans.2025.months = ${months(2025)}
metrics.http.visits.humans.2025.weeks = ${weeks}
metrics.service.accounts.2025.months = ${Array.from({ length: 12 }, (_, m) => String(10 + seed + m)).join(",")}
`;
}

function federation(hostUrls: string[], orgs: number): string {
  const subs = Array.from(
    { length: orgs },
    (_, o) => `subs.o${o} = ${hostUrls[o % hostUrls.length]}/o${o}.properties`,
  ).join("\n");
  return `${header("Federation", `${hostUrls[0]}/federation.properties`)}
federation.name = Fédération synthétique
federation.description = Pour mesurer le robot
federation.website = https://federation.example.org/
federation.contact.email = contact@federation.example.org
${subs}
`;
}

export async function startSyntheticFederation(options: SyntheticOptions): Promise<SyntheticFederation> {
  const servers: Server[] = [];
  const urls: string[] = [];
  const etag = `"v${options.version ?? 1}"`;
  for (let h = 0; h < options.hosts; h++) {
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const base = urls[h] ?? "";
      let body: string | undefined;
      let m: RegExpExecArray | null;
      if (path === "/robots.txt") body = "User-agent: *\nDisallow: /private/\n";
      else if (path === "/federation.properties" && h === 0) body = federation(urls, options.orgs);
      else if ((m = /^\/o(\d+)\.properties$/.exec(path)))
        body = organization(base, Number(m[1]), options.services);
      else if ((m = /^\/o(\d+)\/s(\d+)\.properties$/.exec(path)))
        body = service(base, Number(m[1]), Number(m[2]));
      else if ((m = /^\/o(\d+)\/s(\d+)-metrics\.properties$/.exec(path)))
        body = metrics(base, Number(m[1]), Number(m[2]));
      if (body === undefined) {
        res.statusCode = 404;
        res.end("not found");
        return;
      }
      if (path !== "/robots.txt" && req.headers["if-none-match"] === etag) {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader("content-type", "text/plain; charset=utf-8");
      if (path !== "/robots.txt") res.setHeader("etag", etag);
      res.end(body);
    });
    server.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    servers.push(server);
    urls.push(`http://127.0.0.1:${port}`);
  }
  return {
    url: `${urls[0]}/federation.properties`,
    files: 1 + options.orgs * (1 + 2 * options.services),
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, "/bench/"))) {
  const { values } = parseArgs({
    options: {
      orgs: { type: "string", default: "1000" },
      services: { type: "string", default: "10" },
      hosts: { type: "string", default: "100" },
      version: { type: "string", default: "1" },
    },
  });
  const fed = await startSyntheticFederation({
    orgs: Number(values.orgs),
    services: Number(values.services),
    hosts: Number(values.hosts),
    version: Number(values.version),
  });
  process.stdout.write(`${JSON.stringify({ url: fed.url, files: fed.files })}\n`);
}
