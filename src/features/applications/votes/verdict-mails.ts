import type { Deps } from "../../../deps.js";
import type { DB } from "../../../db/adapter.js";
import type { MailMessage } from "../../../mail/mailer.js";
import { structureById } from "../../directory/published.js";
import { compose, structureRecipients } from "../notify.js";
import { ofName, writtenText } from "../../../i18n/index.js";
import type { Settled } from "./close.js";

/** Mails telling a candidate what the count decided. */
export async function verdictMails(deps: Deps, db: DB, settled: Settled): Promise<MailMessage[]> {
  const app = settled.application;
  if (!app) return [];
  const name = (await structureById(db, app.memberId))?.name ?? "";
  return compose(
    deps,
    await structureRecipients(db, app.memberId),
    `application-${app.verdict}`,
    (t, link) => {
      const url = link(`/applications/${app.id}`);
      if (app.verdict === "accept")
        return {
          subject: t("applications.mail.accepted.subject"),
          text: t("applications.mail.accepted.body", { name, link: url }),
        };
      if (app.verdict === "postpone")
        return {
          subject: t("applications.mail.postponed.subject"),
          text: t("applications.mail.postponed.body", { name, name_of: ofName(t.locale, name), link: url }),
        };
      const lines = [
        ...(app.reasons?.against ?? []).map((r) => `- ${r}`),
        ...(app.reasons?.questioned ?? []).map(
          (q) =>
            `- ${q.code} ${writtenText(t.locale, { fr: q.titleFr, en: q.titleEn, de: q.titleDe }).text}${q.notes.length ? ` : ${q.notes.join(" ; ")}` : ""}`,
        ),
      ];
      return {
        subject: t("applications.mail.refused.subject"),
        text: t("applications.mail.refused.body", {
          name,
          name_of: ofName(t.locale, name),
          reasons: lines.length ? lines.join("\n") : t("applications.reasons.none"),
          link: url,
        }),
      };
    },
  );
}
