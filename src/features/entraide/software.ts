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
