import type { AppContext, CurrentPerson } from "../../../http/context.js";
import { isLocale, translator, type Locale } from "../../../i18n/index.js";
import { contactDeskHolder, coordinators, type Person } from "../ports.js";
import type { ContactMessage } from "./contact.repository.js";

function localeOf(c: AppContext, person: { locale: string | null }): Locale {
  return isLocale(person.locale) ? person.locale : c.get("deps").config.defaultLocale;
}

const deskLink = (c: AppContext, locale: Locale, id: string) =>
  `${c.get("deps").config.baseUrl}/${locale}/contact/desk/${id}`;

/**
 * Tells the person on this week's contact turn that a message arrived; with nobody on the turn,
 * the coordinators. The mail names the subject only: the message itself stays on the platform.
 */
export async function notifyDesk(
  c: AppContext,
  id: string,
  message: { name: string; subject: string },
): Promise<void> {
  const { db, now, mailer } = c.get("deps");
  const holder = await contactDeskHolder(db, now());
  const recipients: Person[] = holder ? [holder] : await coordinators(db);
  for (const person of recipients) {
    const locale = localeOf(c, person);
    const t = translator(locale);
    await mailer.send({
      to: person.email,
      subject: t("contact.mail.new.subject", { subject: message.subject }),
      text: t(holder ? "contact.mail.new.body" : "contact.mail.new.body_nobody", {
        name: person.name,
        from: message.name || t("contact.anonymous"),
        subject: message.subject,
        link: deskLink(c, locale, id),
      }),
      kind: "contact-new",
    });
  }
}

/** The desk's answer leaves by mail to the address the visitor gave, in the language they wrote in. */
export async function sendAnswer(c: AppContext, message: ContactMessage, body: string): Promise<void> {
  const { mailer, config } = c.get("deps");
  const t = translator(isLocale(message.locale) ? message.locale : config.defaultLocale);
  await mailer.send({
    to: message.senderEmail,
    subject: t("contact.mail.answer.subject", {
      subject: message.subject,
      collective: config.collective.name,
    }),
    text: t("contact.mail.answer.body", {
      answer: body,
      collective: config.collective.name,
      contact: config.collective.contactEmail,
      original: message.body
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n"),
    }),
    kind: "contact-answer",
  });
}

/** A message handed to the coordinators: each of them (but the one handing it over) is told. */
export async function tellCoordinators(
  c: AppContext,
  message: ContactMessage,
  by: CurrentPerson,
  note: string,
): Promise<void> {
  const { db, mailer } = c.get("deps");
  for (const person of await coordinators(db)) {
    if (person.id === by.id) continue;
    const locale = localeOf(c, person);
    const t = translator(locale);
    await mailer.send({
      to: person.email,
      subject: t("contact.mail.handover.subject", { subject: message.subject }),
      text: t("contact.mail.handover.body", {
        name: person.name,
        by: by.name,
        note: note || "—",
        link: deskLink(c, locale, message.id),
      }),
      kind: "contact-handover",
    });
  }
}
