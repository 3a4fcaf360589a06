import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Csrf } from "../../../views/components.js";
import { can } from "../applications.policy.js";
import { type Charter, type CharterVersion, type Criterion } from "../charter/charter.repository.js";
import { charterTexts } from "../charter/charter-text.js";
import { Written } from "../../../views/written.js";
import { CHECK_NAME_KEY, LEVEL_KEY } from "./common.js";

function CriterionItem({ c, criterion }: { c: AppContext; criterion: Criterion }) {
  const t = c.get("t");
  const locale = c.get("locale");
  const check = criterion.checkId ? CHECK_NAME_KEY[criterion.checkId] : undefined;
  return (
    <li class="criterion" id={`criterion-${criterion.code}`}>
      <h3>
        <span class="criterion__code">{criterion.code}</span>{" "}
        <Written locale={locale} texts={charterTexts(criterion, "title")} />{" "}
        <Badge tone={criterion.level === "required" ? "warn" : "neutral"}>
          {t(LEVEL_KEY[criterion.level])}
        </Badge>
      </h3>
      <p>
        <Written locale={locale} texts={charterTexts(criterion, "explanation")} />
      </p>
      {check ? <p class="field__hint">{t("applications.charter.checked_by", { check: t(check) })}</p> : null}
    </li>
  );
}

/** The parts and criteria of a charter version, as read on /charter and in applications. */
function CharterBody({ c, charter }: { c: AppContext; charter: Charter }) {
  const locale = c.get("locale");
  return (
    <>
      {charter.parts.map((part) => (
        <section class="charter-part" id={`part-${part.letter}`}>
          <h2>
            <span class="charter-part__letter">{part.letter}</span>{" "}
            <Written locale={locale} texts={charterTexts(part, "name")} />
          </h2>
          <p class="lead">
            <Written locale={locale} texts={charterTexts(part, "intro")} />
          </p>
          <ul class="plain-list">
            {part.criteria.map((criterion) => (
              <CriterionItem c={c} criterion={criterion} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function CharterPage({
  c,
  charter,
  versions,
}: {
  c: AppContext;
  charter: Charter | undefined;
  versions: CharterVersion[];
}) {
  const t = c.get("t");
  const locale = c.get("locale");
  const person = c.get("person");
  return (
    <Layout c={c} title={t("applications.charter.title")} section="charter">
      <h1>{t("applications.charter.title")}</h1>
      {charter ? (
        <>
          <p class="lead">
            <Written locale={locale} texts={charterTexts(charter.version, "summary")} />
          </p>
          <p>
            {t("applications.charter.version", {
              version: charter.version.version,
              date: charter.version.publishedAt ? t.date(charter.version.publishedAt) : "—",
            })}{" "}
            {charter.version.status !== "current" ? (
              <Badge tone="warn">{t(`applications.charter.status.${charter.version.status}`)}</Badge>
            ) : null}
          </p>
          <p>{t("applications.charter.legend")}</p>
          <nav class="subnav" aria-label={t("applications.charter.parts")}>
            {charter.parts.map((p) => (
              <a href={`#part-${p.letter}`}>
                <Written locale={locale} texts={charterTexts(p, "name")} />
              </a>
            ))}
          </nav>
          <CharterBody c={c} charter={charter} />
        </>
      ) : (
        <p>{t("applications.charter.none")}</p>
      )}
      <h2>{t("applications.charter.versions")}</h2>
      <ul>
        {versions
          .filter((v) => v.status !== "draft")
          .map((v) => (
            <li>
              <a href={href(c, `/charter/versions/${v.version}`)}>
                {t("applications.charter.version_label", { version: v.version })}
              </a>{" "}
              ({t(`applications.charter.status.${v.status}`)}
              {v.publishedAt ? `, ${t.date(v.publishedAt)}` : ""})
            </li>
          ))}
      </ul>
      <p>
        <a href={href(c, "/apply")}>{t("applications.charter.apply_link")}</a>
        {" · "}
        <a href={href(c, "/charter/reassessments")}>{t("applications.charter.reassessments_link")}</a>
        {can(person, "charter.edit") ? (
          <>
            {" · "}
            <a href={href(c, "/charter/admin")}>{t("applications.charter.admin_link")}</a>
          </>
        ) : null}
      </p>
    </Layout>
  );
}

export function CharterAdminPage({ c, versions }: { c: AppContext; versions: CharterVersion[] }) {
  const t = c.get("t");
  const draft = versions.find((v) => v.status === "draft");
  return (
    <Layout c={c} title={t("applications.charter.admin.title")} section="charter">
      <h1>{t("applications.charter.admin.title")}</h1>
      <p>{t("applications.charter.admin.intro")}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("applications.charter.admin.col.version")}</th>
              <th scope="col">{t("applications.charter.admin.col.status")}</th>
              <th scope="col">{t("applications.charter.admin.col.published")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>{t("applications.charter.version_label", { version: v.version })}</td>
                <td>{t(`applications.charter.status.${v.status}`)}</td>
                <td>{v.publishedAt ? t.date(v.publishedAt) : "—"}</td>
                <td>
                  {v.status === "draft" ? (
                    <a href={href(c, `/charter/admin/${v.id}`)}>{t("applications.charter.admin.edit")}</a>
                  ) : (
                    <a href={href(c, `/charter/versions/${v.version}`)}>
                      {t("applications.charter.admin.view")}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {draft ? null : (
        <form method="post" action={href(c, "/charter/admin/drafts")}>
          <Csrf c={c} />
          <button type="submit" class="button">
            {t("applications.charter.admin.new_draft")}
          </button>
        </form>
      )}
    </Layout>
  );
}
