import { describe, expect, it } from "vitest";
import { findThirdParties, matchThirdParty, resourceUrls } from "./trackers.js";

const page = "https://chaton.example.org/";

describe("third-party resources on a home page", () => {
  it("finds Google Fonts, analytics, Gravatar and Cloudflare insights", () => {
    const html = `<!doctype html><html><head>
      <link rel="preconnect" href="https://fonts.gstatic.com">
      <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto&amp;display=swap">
      <script async src='https://www.googletagmanager.com/gtag/js?id=G-XYZ'></script>
      <script defer src="https://static.cloudflareinsights.com/beacon.min.js"></script>
      </head><body>
      <img src="https://secure.gravatar.com/avatar/abc?s=80" alt="">
      <iframe src="https://www.youtube.com/embed/xyz"></iframe>
      </body></html>`;
    const found = findThirdParties(html, page);
    expect(found.map((f) => [f.host, f.kind, f.element])).toEqual([
      ["www.googletagmanager.com", "tracker", "script"],
      ["static.cloudflareinsights.com", "tracker", "script"],
      ["fonts.gstatic.com", "gafam", "link"],
      ["fonts.googleapis.com", "gafam", "link"],
      ["secure.gravatar.com", "gafam", "image"],
      ["www.youtube.com", "gafam", "frame"],
    ]);
  });

  it("finds fonts imported from a style block", () => {
    const html = `<style>@import url("https://fonts.googleapis.com/css?family=Lato"); body{background:url(/img/bg.png)}</style>`;
    const found = findThirdParties(html, page);
    expect(found).toHaveLength(1);
    expect(found[0]?.owner).toMatch(/Google/);
  });

  it("ignores the site's own resources, links to pages, and comments", () => {
    const html = `<link rel="stylesheet" href="/assets/site.css">
      <link rel="canonical" href="https://www.google.com/">
      <a href="https://www.facebook.com/chaton">notre page</a>
      <!-- <script src="https://www.google-analytics.com/analytics.js"></script> -->
      <script src="https://chaton.example.org/app.js"></script>
      <img src="data:image/png;base64,AAAA">`;
    expect(findThirdParties(html, page)).toEqual([]);
    expect(resourceUrls(html, page).map((r) => r.url)).toEqual(["https://chaton.example.org/app.js"]);
  });

  it("matches a domain and its subdomains only", () => {
    expect(matchThirdParty("ajax.googleapis.com")?.kind).toBe("gafam");
    expect(matchThirdParty("GOOGLEAPIS.COM.")?.kind).toBe("gafam");
    expect(matchThirdParty("notgoogleapis.com")).toBeUndefined();
    expect(matchThirdParty("cdnjs.cloudflare.com")?.kind).toBe("cdn");
    expect(matchThirdParty("framasoft.org")).toBeUndefined();
  });
});
