import type { AppContext } from "../../../http/context.js";
import { isLocale, translator } from "../../../i18n/index.js";
import { peopleByIds } from "../ports.js";
import * as repo from "./mediation.repository.js";

/**
 * Mails of the mediation channel. None carries what a report says: a mail leaves the platform and
 * may be read elsewhere; the report itself is read on the platform, where each reading is audited.
 */

/** Each team member is told that a report arrived or that its reporter wrote again. */
export async function tellTeam(c: AppContext, reportId: string, event: "new" | "follow"): Promise<void> {
  const { db, mailer, config } = c.get("deps");
  const members = await repo.team(db);
  const people = await peopleByIds(
    db,
    members.map((m) => m.personId),
  );
  for (const person of people.values()) {
    if (person.disabled) continue;
    const locale = isLocale(person.locale) ? person.locale : config.defaultLocale;
    const t = translator(locale);
    await mailer.send({
      to: person.email,
      subject: t(event === "new" ? "mediation.mail.team.new.subject" : "mediation.mail.team.follow.subject"),
      text: t("mediation.mail.team.body", {
        name: person.name,
        link: `${config.baseUrl}/${locale}/mediation/reports/${reportId}`,
      }),
      kind: "mediation-team",
    });
  }
}

/** The reporter's acknowledgement, with their private link (the only time it leaves the platform). */
export async function acknowledge(c: AppContext, to: string, token: string): Promise<void> {
  const { mailer, config } = c.get("deps");
  const t = c.get("t");
  await mailer.send({
    to,
    subject: t("mediation.mail.ack.subject", { collective: config.collective.name }),
    text: t("mediation.mail.ack.body", {
      collective: config.collective.name,
      link: `${config.baseUrl}/${c.get("locale")}/mediation/follow?key=${token}`,
    }),
    kind: "mediation-ack",
  });
}

/** Tells the reporter the team answered; they read it through the private link they kept. */
export async function tellReporter(c: AppContext, report: repo.Report): Promise<void> {
  if (!report.reporterEmail) return;
  const { mailer, config } = c.get("deps");
  const t = translator(isLocale(report.locale) ? report.locale : config.defaultLocale);
  await mailer.send({
    to: report.reporterEmail,
    subject: t("mediation.mail.answer.subject", { collective: config.collective.name }),
    text: t("mediation.mail.answer.body", { collective: config.collective.name }),
    kind: "mediation-answer",
  });
}
