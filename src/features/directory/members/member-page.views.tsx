import type { Child } from "hono/jsx";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { MemberPicture } from "../logos/logos.views.js";
import type { LogoRef } from "../logos/logos.repository.js";
import { categoryLabel, enumLabel } from "../labels.js";
import { countryName, languageName, place, safeUrl, ServiceBadges } from "../directory.components.js";
import type { MemberRow, ServiceDetail } from "../directory.repository.js";
import { roundName, writtenText } from "../../../i18n/index.js";

export interface MemberPageProps {
  c: AppContext;
  member: MemberRow;
  logo: LogoRef | null;
  services: ServiceDetail[];
  panels: Child[];
  canEdit: boolean;
  canDashboard: boolean;
}

function jsonLinks(text: string): [string, string][] {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return [];
    return Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string");
  } catch {
    return [];
  }
}

function jsonList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

function Fact({ label, children }: { label: string; children: Child }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ServiceItem({ c, s }: { c: AppContext; s: ServiceDetail }) {
  const t = c.get("t");
  const locale = c.get("locale");
  const description = writtenText(locale, { fr: s.description_fr, en: s.description_en });
  const category = categoryLabel(locale, {
    name_fr: s.category_name_fr,
    name_en: s.category_name_en,
    name_de: s.category_name_de,
  });
  const audience = jsonList(s.audience);
  const languages = jsonList(s.languages);
  return (
    <article class="service-card" id={`service-${s.slug}`}>
      <header class="service-card__head">
        <h3 class="service-card__title">
          <a href={safeUrl(s.url)} rel="noopener">
            {s.name}
          </a>
        </h3>
        <p class="service-card__category" lang={category.lang}>
          {category.text}
        </p>
      </header>
      {description.text ? (
        <p class="service-card__description" lang={description.lang}>
          {description.text}
        </p>
      ) : null}
      <ServiceBadges t={t} access={s.access} price={s.price} load={s.registration_load} status={s.status} />
      <dl class="service-card__facts">
        {s.software_name ? (
          <Fact label={t("directory.service.software")}>
            {s.software_name}
            {s.software_license
              ? ` (${t("directory.service.licence", { licence: s.software_license })})`
              : ""}
            {s.software_source_url ? (
              <>
                {" · "}
                <a href={safeUrl(s.software_source_url)}>{t("directory.service.source")}</a>
              </>
            ) : null}
          </Fact>
        ) : null}
        {languages.length > 0 ? (
          <Fact label={t("directory.service.languages")}>
            {languages.map((l) => languageName(locale, l)).join(", ")}
          </Fact>
        ) : null}
        {audience.length > 0 ? (
          <Fact label={t("directory.service.audience")}>
            {audience.map((a) => enumLabel(t, "directory.audience.", a)).join(", ")}
          </Fact>
        ) : null}
        {s.host_country ? (
          <Fact label={t("directory.service.host_country")}>{countryName(locale, s.host_country)}</Fact>
        ) : null}
      </dl>
    </article>
  );
}

function Notice({ c, member }: { c: AppContext; member: MemberRow }) {
  const t = c.get("t");
  if (member.archived_at) return <p class="flash flash--info">{t("directory.member.archived")}</p>;
  if (member.membership === "candidate")
    return <p class="flash flash--info">{t("directory.member.candidate")}</p>;
  if (member.membership === "former") return <p class="flash flash--info">{t("directory.member.former")}</p>;
  return null;
}

function MemberFacts({ c, member }: { c: AppContext; member: MemberRow }) {
  const t = c.get("t");
  const locale = c.get("locale");
  const social = jsonLinks(member.social_links);
  const funding = jsonLinks(member.funding_links);
  const where = place(locale, { city: member.city, region: member.region, countryCode: member.country_code });
  return (
    <dl class="facts">
      <Fact label={t("directory.member.type")}>{enumLabel(t, "directory.type.", member.type)}</Fact>
      {where ? <Fact label={t("directory.member.location")}>{where}</Fact> : null}
      {member.joined_at ? (
        <Fact label={t("directory.member.joined")}>
          {member.joined_round
            ? t("directory.member.joined.round", {
                date: t.date(member.joined_at),
                round: roundName(t, member.joined_round),
              })
            : t.date(member.joined_at)}
        </Fact>
      ) : null}
      <Fact label={t("directory.member.status")}>
        {enumLabel(t, "directory.status.", member.status)}
        {member.status_description ? ` : ${member.status_description}` : ""}
      </Fact>
      {member.website ? (
        <Fact label={t("directory.member.website")}>
          <a href={safeUrl(member.website)}>{member.website}</a>
        </Fact>
      ) : null}
      {member.contact_email || member.contact_url ? (
        <Fact label={t("directory.member.contact")}>
          {member.contact_email ? (
            <a href={`mailto:${member.contact_email}`}>{member.contact_email}</a>
          ) : null}
          {member.contact_email && member.contact_url ? " · " : null}
          {member.contact_url ? <a href={safeUrl(member.contact_url)}>{member.contact_url}</a> : null}
        </Fact>
      ) : null}
      {member.legal_url ? (
        <Fact label={t("directory.member.legal")}>
          <a href={safeUrl(member.legal_url)}>{member.legal_url}</a>
        </Fact>
      ) : null}
      {member.tos_url ? (
        <Fact label={t("directory.member.tos")}>
          <a href={safeUrl(member.tos_url)}>{member.tos_url}</a>
        </Fact>
      ) : null}
      {member.logo_url ? (
        <Fact label={t("directory.member.logo")}>
          <a href={safeUrl(member.logo_url)}>{member.logo_url}</a>
        </Fact>
      ) : null}
      {social.length > 0 ? (
        <Fact label={t("directory.member.social")}>
          <ul class="plain-list">
            {social.map(([name, link]) => (
              <li>
                <a href={safeUrl(link)} rel="me">
                  {name}
                </a>
              </li>
            ))}
          </ul>
        </Fact>
      ) : null}
      {funding.length > 0 ? (
        <Fact label={t("directory.member.funding")}>
          <ul class="plain-list">
            {funding.map(([name, link]) => (
              <li>
                <a href={safeUrl(link)}>{name}</a>
              </li>
            ))}
          </ul>
        </Fact>
      ) : null}
      {member.chatonsinfos_url ? (
        <Fact label={t("directory.member.chatonsinfos")}>
          <a href={safeUrl(member.chatonsinfos_url)}>{member.chatonsinfos_url}</a>
        </Fact>
      ) : null}
    </dl>
  );
}

export function MemberPage({ c, member, logo, services, panels, canEdit, canDashboard }: MemberPageProps) {
  const t = c.get("t");
  const locale = c.get("locale");
  const description = writtenText(locale, { fr: member.description_fr, en: member.description_en });
  return (
    <Layout c={c} title={member.name} description={description.text.slice(0, 200)} section="members">
      <Notice c={c} member={member} />
      <header class="member-head">
        <MemberPicture c={c} member={{ ...member, logo }} size={96} />
        <div>
          <h1>{member.name}</h1>
          {description.text ? (
            <p class="lead member-head__description" lang={description.lang}>
              {description.text}
            </p>
          ) : null}
          {canEdit || canDashboard ? (
            <p>
              {canEdit ? (
                <a href={href(c, `/members/${member.slug}/edit`)}>{t("directory.member.edit")}</a>
              ) : null}
              {canEdit && canDashboard ? " · " : null}
              {canDashboard ? (
                <a href={href(c, `/dashboard/${member.slug}`)}>{t("directory.member.dashboard")}</a>
              ) : null}
            </p>
          ) : null}
        </div>
      </header>
      <section aria-labelledby="member-details">
        <h2 id="member-details">{t("directory.member.details")}</h2>
        <MemberFacts c={c} member={member} />
      </section>
      <section aria-labelledby="member-services">
        <h2 id="member-services">{t("directory.member.services")}</h2>
        {services.length === 0 ? (
          <p>{t("directory.member.no_services")}</p>
        ) : (
          <ul class="service-list">
            {services.map((s) => (
              <li>
                <ServiceItem c={c} s={s} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {panels}
    </Layout>
  );
}
