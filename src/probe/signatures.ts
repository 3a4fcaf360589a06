/**
 * Pages that answer but are not a working service: bot challenges, parked domains, sign-in walls,
 * error pages. Declarative on purpose: when a challenge provider or a parking company changes its
 * page, the fix is a one-line change here, reviewed like any other. Matched case-insensitively in
 * the page's HTML source.
 */

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
