/**
 * Known third parties a chaton's home page should not call: each would learn of every visit.
 * Declarative, so the collective can extend it; matched on the host and its parent domains.
 * "tracker": analytics, advertising and social widgets; "gafam": resources served by the web
 * giants (fonts, libraries, avatars, videos); "cdn": large US content networks, reported as a
 * warning because members weigh them differently.
 */
export type ThirdPartyKind = "tracker" | "gafam" | "cdn";

export interface KnownThirdParty {
  domain: string;
  owner: string;
  kind: ThirdPartyKind;
}

const KNOWN_THIRD_PARTIES: readonly KnownThirdParty[] = [
  { domain: "google-analytics.com", owner: "Google Analytics", kind: "tracker" },
  { domain: "googletagmanager.com", owner: "Google Tag Manager", kind: "tracker" },
  { domain: "googlesyndication.com", owner: "Google Ads", kind: "tracker" },
  { domain: "googleadservices.com", owner: "Google Ads", kind: "tracker" },
  { domain: "doubleclick.net", owner: "Google Ads", kind: "tracker" },
  { domain: "googleapis.com", owner: "Google (fonts, libraries)", kind: "gafam" },
  { domain: "gstatic.com", owner: "Google", kind: "gafam" },
  { domain: "googleusercontent.com", owner: "Google", kind: "gafam" },
  { domain: "google.com", owner: "Google (maps, reCAPTCHA)", kind: "gafam" },
  { domain: "youtube.com", owner: "YouTube (Google)", kind: "gafam" },
  { domain: "youtube-nocookie.com", owner: "YouTube (Google)", kind: "gafam" },
  { domain: "ytimg.com", owner: "YouTube (Google)", kind: "gafam" },
  { domain: "facebook.com", owner: "Facebook (Meta)", kind: "tracker" },
  { domain: "facebook.net", owner: "Facebook (Meta)", kind: "tracker" },
  { domain: "fbcdn.net", owner: "Facebook (Meta)", kind: "gafam" },
  { domain: "instagram.com", owner: "Instagram (Meta)", kind: "gafam" },
  { domain: "twitter.com", owner: "X / Twitter", kind: "tracker" },
  { domain: "twimg.com", owner: "X / Twitter", kind: "gafam" },
  { domain: "linkedin.com", owner: "LinkedIn (Microsoft)", kind: "tracker" },
  { domain: "licdn.com", owner: "LinkedIn (Microsoft)", kind: "tracker" },
  { domain: "clarity.ms", owner: "Microsoft Clarity", kind: "tracker" },
  { domain: "bing.com", owner: "Microsoft Bing", kind: "tracker" },
  { domain: "aspnetcdn.com", owner: "Microsoft", kind: "gafam" },
  { domain: "amazon-adsystem.com", owner: "Amazon Ads", kind: "tracker" },
  { domain: "amazonaws.com", owner: "Amazon Web Services", kind: "gafam" },
  { domain: "cloudfront.net", owner: "Amazon CloudFront", kind: "gafam" },
  { domain: "gravatar.com", owner: "Gravatar (Automattic)", kind: "gafam" },
  { domain: "cloudflareinsights.com", owner: "Cloudflare Web Analytics", kind: "tracker" },
  { domain: "cdnjs.cloudflare.com", owner: "Cloudflare", kind: "cdn" },
  { domain: "fastly.net", owner: "Fastly", kind: "cdn" },
  { domain: "akamaihd.net", owner: "Akamai", kind: "cdn" },
  { domain: "hotjar.com", owner: "Hotjar", kind: "tracker" },
  { domain: "segment.com", owner: "Segment", kind: "tracker" },
  { domain: "segment.io", owner: "Segment", kind: "tracker" },
  { domain: "mixpanel.com", owner: "Mixpanel", kind: "tracker" },
  { domain: "nr-data.net", owner: "New Relic", kind: "tracker" },
  { domain: "addthis.com", owner: "AddThis", kind: "tracker" },
  { domain: "sharethis.com", owner: "ShareThis", kind: "tracker" },
  { domain: "disqus.com", owner: "Disqus", kind: "tracker" },
  { domain: "typekit.net", owner: "Adobe Fonts", kind: "gafam" },
];

export interface FoundThirdParty {
  url: string;
  host: string;
  owner: string;
  kind: ThirdPartyKind;
  /** Which element asked for it: script, stylesheet, font, image, frame, media. */
  element: string;
}

const ATTRIBUTE_PATTERNS: { element: string; pattern: RegExp }[] = [
  { element: "script", pattern: /<script\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi },
  { element: "link", pattern: /<link\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)/gi },
  { element: "image", pattern: /<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi },
  { element: "frame", pattern: /<i?frame\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi },
  { element: "media", pattern: /<(?:source|video|audio|embed|track)\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi },
  { element: "object", pattern: /<object\b[^>]*?\bdata\s*=\s*["']?([^"'\s>]+)/gi },
  { element: "style", pattern: /@import\s+(?:url\()?\s*["']?([^"')\s;]+)/gi },
  { element: "style", pattern: /url\(\s*["']?([^"')\s]+)/gi },
];

/** Every resource address a page asks the browser to load, resolved against the page's URL. */
export function resourceUrls(html: string, pageUrl: string): { url: string; element: string }[] {
  // Comments load nothing: a commented-out Google Fonts link is not a request.
  const live = html.replace(/<!--[\s\S]*?-->/g, "");
  const out: { url: string; element: string }[] = [];
  const seen = new Set<string>();
  for (const { element, pattern } of ATTRIBUTE_PATTERNS) {
    for (const match of live.matchAll(pattern)) {
      const raw = (match[1] ?? "").replace(/&amp;/g, "&");
      let resolved: URL;
      try {
        resolved = new URL(raw, pageUrl);
      } catch {
        continue;
      }
      if (resolved.protocol !== "http:" && resolved.protocol !== "https:") continue;
      if (seen.has(resolved.href)) continue;
      seen.add(resolved.href);
      out.push({ url: resolved.href, element });
    }
  }
  // <link> also names pages (rel=canonical, alternate): keep only those that load something.
  return out.filter((r) => r.element !== "link" || linkLoads(live, r.url));
}

function linkLoads(html: string, url: string): boolean {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!tag.replace(/&amp;/g, "&").includes(new URL(url).host)) continue;
    const rel = /\brel\s*=\s*["']?([^"'>]+)/i.exec(tag)?.[1]?.toLowerCase() ?? "";
    if (/stylesheet|preload|prefetch|preconnect|dns-prefetch|icon|modulepreload|manifest/.test(rel))
      return true;
  }
  return false;
}

export function matchThirdParty(
  host: string,
  list: readonly KnownThirdParty[] = KNOWN_THIRD_PARTIES,
): KnownThirdParty | undefined {
  const h = host.toLowerCase().replace(/\.$/, "");
  return list.find((entry) => h === entry.domain || h.endsWith(`.${entry.domain}`));
}

/** The known third parties a page calls. */
export function findThirdParties(
  html: string,
  pageUrl: string,
  list: readonly KnownThirdParty[] = KNOWN_THIRD_PARTIES,
): FoundThirdParty[] {
  const found: FoundThirdParty[] = [];
  for (const r of resourceUrls(html, pageUrl)) {
    const host = new URL(r.url).hostname;
    const known = matchThirdParty(host, list);
    if (known) found.push({ url: r.url, host, owner: known.owner, kind: known.kind, element: r.element });
  }
  return found;
}
