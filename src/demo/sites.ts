import { Hono } from "hono";
import { html } from "hono/html";
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import type { DemoWorld } from "./world.js";
import type { Feature } from "../features/feature.js";

/**
 * The demo members' own servers, simulated on loopback: their websites, terms pages, service
 * instances and (added by the stats feature) their ChatonsInfos files. The platform crawls,
 * probes and redirects to these exactly as it would to real members' servers.
 */

function page(title: string, body: ReturnType<typeof html>) {
  return html`<!doctype html>
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
      </head>
      <body>
        <p><strong>DÉMO</strong> — serveur simulé par la plateforme chatons (données fictives).</p>
        ${body}
      </body>
    </html>`;
}

export function createDemoSitesApp(world: DemoWorld, features: Feature[]): Hono {
  const app = new Hono();
  // Features first: their routes (ChatonsInfos files, portal instances) take precedence.
  for (const feature of features) feature.demoSites?.(app, world);

  const bySlug = new Map(world.members.map((m) => [m.slug, m]));
  app.get("/", (c) =>
    c.html(
      page(
        "Sites de démonstration",
        html`<h1>Sites des membres de démonstration</h1>
          <ul>
            ${world.members.map((m) => html`<li><a href="/${m.slug}/">${m.name}</a></li>`)}
          </ul>`,
      ),
    ),
  );
  app.get("/:member/", (c) => {
    const m = bySlug.get(c.req.param("member"));
    if (!m) return c.notFound();
    return c.html(
      page(
        m.name,
        html`<h1>${m.name}</h1>
          <p>Site de démonstration de ${m.name}.</p>
          <ul>
            <li><a href="cgu">Conditions générales d'utilisation</a></li>
            <li><a href="mentions-legales">Mentions légales</a></li>
            <li><a href="contact">Contact</a></li>
          </ul>
          <h2>Services</h2>
          <ul>
            ${m.services.map((s) => html`<li><a href="${s.slug}/">${s.name}</a></li>`)}
          </ul>`,
      ),
    );
  });
  for (const [path, title] of [
    ["cgu", "Conditions générales d'utilisation"],
    ["mentions-legales", "Mentions légales"],
    ["contact", "Contact"],
    ["confidentialite", "Données personnelles et vie privée"],
  ] as const) {
    app.get(`/:member/${path}`, (c) => {
      const m = bySlug.get(c.req.param("member"));
      if (!m) return c.notFound();
      return c.html(
        page(
          `${title} — ${m.name}`,
          html`<h1>${title}</h1>
            <p>${m.name} : texte de démonstration.</p>`,
        ),
      );
    });
  }
  app.get("/:member/:service/", (c) => {
    const m = bySlug.get(c.req.param("member"));
    const s = m?.services.find((x) => x.slug === c.req.param("service"));
    if (!m || !s) return c.notFound();
    const software = s.softwareName ?? s.name;
    return c.html(
      page(
        `${software} · ${m.name}`,
        html`<h1 data-demo-service="${s.softwareSlug ?? s.slug}">${software}</h1>
          <p>Instance de démonstration de ${software}, hébergée par ${m.name}.</p>`,
      ),
    );
  });
  return app;
}

export interface DemoSitesServer {
  url: string;
  /** Serves the world once it is known (the URL must exist before the demo data is made). */
  setApp(app: Hono): void;
  close(): Promise<void>;
}

export async function startDemoSites(port: number): Promise<DemoSitesServer> {
  let current: Hono | undefined;
  let server: ServerType | undefined;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve(
      {
        fetch: (req) => (current ? current.fetch(req) : new Response("starting", { status: 503 })),
        port,
        hostname: "127.0.0.1",
      },
      (info) => resolve(info),
    );
    server.once("error", reject);
  });
  return {
    url: `http://127.0.0.1:${address.port}`,
    setApp(app) {
      current = app;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
