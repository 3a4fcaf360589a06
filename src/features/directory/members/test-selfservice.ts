import type { TestPlatform } from "../../../../tests/helpers/platform.js";
import { csrfFrom, type TestClient } from "../../../../tests/helpers/client.js";

/** Shared by the self-service tests: signed-in clients and complete, valid forms. */

export async function signedIn(t: TestPlatform, email: string, password: string): Promise<TestClient> {
  const client = t.client();
  await client.login(email, password);
  return client;
}

/** The session's CSRF token, from the sign-out form every page carries for signed-in people. */
export async function token(client: TestClient): Promise<string> {
  const page = await client.get("/fr/dashboard");
  const value = csrfFrom(page.text, "/fr/logout");
  if (!value) throw new Error("no csrf token");
  return value;
}

export const memberForm = (over: Record<string, string> = {}) => ({
  name: "Chaton modifié",
  slug: "",
  type: "cooperative",
  description_fr: "Nous hébergeons des pads.",
  description_en: "We host pads.",
  website: "https://example.org/",
  contact_email: "contact@example.org",
  contact_url: "",
  legal_url: "",
  tos_url: "",
  logo_url: "",
  city: "Rennes",
  region: "Bretagne",
  country_code: "fr",
  latitude: "48,11",
  longitude: "-1.68",
  status: "active",
  status_description: "",
  social_links: "mastodon https://social.example.org/@chaton",
  funding_links: "",
  chatonsinfos_url: "",
  ...over,
});

export const serviceForm = (over: Record<string, string | string[]> = {}) => ({
  name: "Pad du chaton",
  slug: "",
  category_id: "pad",
  description_fr: "",
  description_en: "",
  url: "https://pad.example.org/",
  software_name: "Etherpad",
  software_license: "Apache-2.0",
  software_source_url: "https://github.com/ether/etherpad-lite",
  access: "none",
  registration_load: "open",
  price: "free",
  audience: ["everyone", "associations"],
  languages: "fr, en",
  host_country: "FR",
  status: "ok",
  start_date: "2022-03-01",
  chatonsinfos_url: "",
  ...over,
});
