/**
 * What a working instance of each portal software shows on its front page. The content check
 * passes when the page contains one of the markers (case-insensitive): a parked domain, a login
 * wall or a bot-challenge page answers 200 too, but never looks like the software itself.
 *
 * Declarative on purpose: when an upstream release changes its page, fixing the portal is a
 * one-line change here, reviewed like any other.
 */
export interface SoftwareCheck {
  name: string;
  /** Any one of these, matched case-insensitively in the page (HTML source). */
  markers: readonly string[];
}

export const SOFTWARE_SLUGS = [
  "etherpad",
  "jitsi-meet",
  "framadate",
  "ethercalc",
  "lufi",
  "psitransfer",
  "lutim",
  "scrumblr",
  "lstu",
  "polr",
  "privatebin",
] as const;
export type SoftwareSlug = (typeof SOFTWARE_SLUGS)[number];

export const SOFTWARE: Record<SoftwareSlug, SoftwareCheck> = {
  etherpad: { name: "Etherpad", markers: ["etherpad", "go2Name", "ep_etherpad"] },
  "jitsi-meet": { name: "Jitsi Meet", markers: ["jitsi", "JitsiMeetJS", "app.bundle.min.js"] },
  framadate: { name: "Framadate", markers: ["framadate"] },
  ethercalc: { name: "EtherCalc", markers: ["ethercalc"] },
  lufi: { name: "Lufi", markers: ["lufi"] },
  psitransfer: { name: "PsiTransfer", markers: ["psitransfer"] },
  lutim: { name: "Lutim", markers: ["lutim"] },
  scrumblr: { name: "Scrumblr", markers: ["scrumblr"] },
  lstu: { name: "LSTU", markers: ["lstu", "let's shorten that url"] },
  polr: { name: "Polr", markers: ["polr"] },
  privatebin: { name: "PrivateBin", markers: ["privatebin", "zerobin"] },
};

export function isKnownSoftware(slug: string): slug is SoftwareSlug {
  return (SOFTWARE_SLUGS as readonly string[]).includes(slug);
}

export function softwareName(slug: string): string {
  return isKnownSoftware(slug) ? SOFTWARE[slug].name : slug;
}

/** Icons drawn for the portal, served as /assets/entraide/<icon>.svg. */
export const ICONS = [
  "pad",
  "video-call",
  "date-poll",
  "spreadsheet",
  "file-sharing",
  "image-sharing",
  "post-it",
  "url-shortener",
  "pastebin",
  "generic",
] as const;

export interface Signatures<R extends string> {
  reason: R;
  signatures: readonly string[];
}

/**
 * Pages that answer 200 but are not the service, even when they mention it (a parking page for
 * pad.example.org says "pad"; a challenge page keeps the site's title). Checked before the
 * markers, case-insensitively; the first family that matches names the failure.
 */
export const NEVER_THE_SERVICE: readonly Signatures<"bot-challenge" | "parked">[] = [
  {
    reason: "bot-challenge",
    signatures: [
      "cf-browser-verification",
      "/cdn-cgi/challenge-platform",
      "challenges.cloudflare.com",
      "<title>just a moment...</title>",
      "checking your browser before accessing",
      "attention required! | cloudflare",
      "ddos-guard",
      "captcha-delivery.com",
      "hcaptcha.com/1/api.js",
      "www.google.com/recaptcha/api.js",
      ".within.website/x/cmd/anubis",
      "making sure you&#39;re not a bot",
      "making sure you're not a bot",
      "sucuri website firewall",
      "vérification que vous n'êtes pas un robot",
    ],
  },
  {
    reason: "parked",
    signatures: [
      "this domain is for sale",
      "this domain may be for sale",
      "domain is for sale",
      "buy this domain",
      "the domain name is for sale",
      "this domain name is parked",
      "parked free, courtesy of",
      "domain parking",
      "parkingcrew.net",
      "sedoparking.com",
      "bodis.com",
      "dan.com/buy-domain",
      "afternic.com",
      "hugedomains.com",
      "this domain has expired",
      "ce nom de domaine est à vendre",
      "ce domaine est à vendre",
      "nom de domaine parqué",
      "ce nom de domaine a expiré",
      "future home of something quite cool",
    ],
  },
];

/**
 * Why a page without the software's marker is not the service, when we can tell: only looked at
 * once the marker is missing, so a phrase that a real instance might also show costs nothing.
 */
export const EXPLAINS_MISSING_MARKER: readonly Signatures<"login-wall" | "error-page">[] = [
  {
    reason: "login-wall",
    signatures: [
      'id="kc-form-login"',
      "authelia",
      "authentik",
      "ssowat",
      "lemonldap",
      'id="cas-login"',
      "please log in to continue",
      "please sign in to continue",
      "you must be logged in",
      "veuillez vous connecter",
      "connexion requise",
    ],
  },
  {
    reason: "error-page",
    signatures: [
      "<title>502 bad gateway</title>",
      "<title>503 service temporarily unavailable</title>",
      "<title>500 internal server error</title>",
      "<title>404 not found</title>",
      "application error",
      "welcome to nginx!",
      "apache2 debian default page",
      "it works!",
    ],
  },
];

/** A redirect that ends on a sign-in page: an SSO in front of the service. */
export const LOGIN_PATH =
  /\/(login|signin|sign-in|sign_in|connexion|auth|sso|oauth2?|cas\/login|yunohost\/sso)(\/|$|\?)|\/realms\/[^/]+\/protocol\//i;
