import type { Deps } from "../../deps.js";
import type { DB } from "../../db/adapter.js";
import type { MailMessage } from "../../mail/mailer.js";
import { isLocale, translator, type Locale, type Translator } from "../../i18n/index.js";
import { collectiveMemberIds } from "../directory/published.js";
import { peopleOfMember, peopleOfMembers } from "../../identity/identity.repository.js";

/**
 * E-mail notifications of the application process. Messages are prepared inside a workflow's
 * transaction and sent after it commits, so a rolled-back change never mails anyone.
 */

export interface Recipient {
  email: string;
  locale: string | null;
}

type Compose = (t: Translator, link: (path: string) => string) => { subject: string; text: string };

export function compose(deps: Deps, to: Recipient[], kind: string, build: Compose): MailMessage[] {
  const seen = new Set<string>();
  const out: MailMessage[] = [];
  for (const r of to) {
    if (seen.has(r.email)) continue;
    seen.add(r.email);
    const locale: Locale = isLocale(r.locale) ? r.locale : deps.config.defaultLocale;
    const t = translator(locale);
    const link = (path: string) => `${deps.config.baseUrl}/${locale}${path}`;
    const { subject, text } = build(t, link);
    out.push({ to: r.email, subject, text, kind });
  }
  return out;
}

/** Everyone who can act for a structure (disabled accounts aside). */
export async function structureRecipients(db: DB, memberId: string): Promise<Recipient[]> {
  return peopleOfMember(db, memberId);
}

/** People of every member structure: who is asked to vote. */
export async function collectiveRecipients(db: DB): Promise<Recipient[]> {
  return peopleOfMembers(db, await collectiveMemberIds(db));
}

export async function sendAll(deps: Deps, mails: MailMessage[]): Promise<void> {
  for (const m of mails) await deps.mailer.send(m);
}
