import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import type { Locale, Translator, WrittenText } from "../../i18n/index.js";
import { MemberPicture } from "./logos/logos.views.js";
import { Badge } from "../../views/components.js";
import { categoryLabel, enumLabel, type CategoryNameColumns } from "./labels.js";
import type { ListedService } from "./finder/snapshot.js";
import { writtenText } from "../../i18n/index.js";

/** Pieces shared by the directory's pages. */

/**
 * Addresses written by members (or imported from their ChatonsInfos files) become links only when
 * they are http(s): a "javascript:" address must never reach an href.
 */
export function safeUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const displayNames = new Map<string, Intl.DisplayNames>();
const names = new Map<string, string>();

/** Country and language names from Intl, remembered per locale (DisplayNames.of is not free). */
function displayName(locale: Locale, type: "region" | "language", code: string): string {
  const key = `${locale}:${type}:${code}`;
  const known = names.get(key);
  if (known !== undefined) return known;
  let display = displayNames.get(`${locale}:${type}`);
  if (!display) {
    display = new Intl.DisplayNames([locale], { type });
    displayNames.set(`${locale}:${type}`, display);
  }
  let name = code;
  try {
    name = display.of(code) ?? code;
  } catch {
    name = code;
  }
  if (names.size < 10_000) names.set(key, name);
  return name;
}

export function countryName(locale: Locale, code: string | null | undefined): string {
  return code ? displayName(locale, "region", code) : "";
}

export function languageName(locale: Locale, code: string): string {
  return displayName(locale, "language", code);
}

/** A category's name as plain text (options, labels); pages that can mark its language use categoryLabel. */
export function categoryName(locale: Locale, c: CategoryNameColumns): string {
  return categoryLabel(locale, c).text;
}

export function place(
  locale: Locale,
  m: { city: string | null; region?: string | null; countryCode: string | null },
): string {
  return [m.city, m.region && m.region !== m.city ? m.region : null, countryName(locale, m.countryCode)]
    .filter(Boolean)
    .join(", ");
}

/**
 * One badge per fact, coloured only when it asks for attention: how to get in (no account, open
 * registration, members or clients only), the price, and only when it matters, that registration
 * is full or that the service is not running. "Registration open to all" already says that new
 * accounts are accepted, so the load is not repeated then.
 */
export function ServiceBadges(props: {
  t: Translator;
  access: string;
  price: string;
  load: string;
  status: string;
  label?: string;
}) {
  const { t } = props;
  return (
    <ul class="tags" aria-label={props.label}>
      <li>
        <Badge tone="neutral">{enumLabel(t, "directory.access.", props.access)}</Badge>
      </li>
      <li>
        <Badge tone="neutral">{enumLabel(t, "directory.price.", props.price)}</Badge>
      </li>
      {props.access !== "none" && props.load !== "open" ? (
        <li>
          <Badge tone="warn">{enumLabel(t, "directory.load.", props.load)}</Badge>
        </li>
      ) : null}
      {props.status !== "ok" ? (
        <li>
          <Badge tone={props.status === "down" ? "bad" : "warn"}>
            {enumLabel(t, "directory.service_status.", props.status)}
          </Badge>
        </li>
      ) : null}
    </ul>
  );
}

export function ServiceCard({
  c,
  service,
  category,
  showMember = true,
  replaces = [],
  distanceKm,
}: {
  c: AppContext;
  service: ListedService;
  /** Its category's name, in the language it could be shown in. */
  category: WrittenText;
  showMember?: boolean;
  /** Names of the proprietary services it replaces, the one searched for first. */
  replaces?: string[];
  distanceKm?: number | undefined;
}) {
  const t = c.get("t");
  const locale = c.get("locale");
  const description = writtenText(locale, { fr: service.descriptionFr, en: service.descriptionEn });
  return (
    <article class="service-card" data-service={service.id}>
      <header class="service-card__head">
        <h3 class="service-card__title">
          <a href={safeUrl(service.url)} rel="noopener">
            {service.name}
          </a>
        </h3>
        <p class="service-card__category" lang={category.lang}>
          {category.text}
        </p>
      </header>
      {showMember ? (
        <p class="service-card__member">
          <MemberPicture c={c} member={service.member} size={32} />{" "}
          <a href={href(c, `/members/${service.member.slug}`)}>{service.member.name}</a>
          {service.member.city ? <span class="muted"> · {place(locale, service.member)}</span> : null}
          {distanceKm === undefined ? null : (
            <span class="service-card__distance">
              {" "}
              · {t("directory.near.distance", { km: t.number(distanceKm) })}
            </span>
          )}
        </p>
      ) : null}
      {replaces.length > 0 ? (
        <p class="service-card__replaces">
          {t("directory.alternatives.replaces", {
            names:
              replaces.length > 3
                ? t("directory.alternatives.replaces.more", { names: replaces.slice(0, 3).join(", ") })
                : replaces.join(", "),
          })}
        </p>
      ) : null}
      {description.text ? (
        <p class="service-card__description" lang={description.lang}>
          {description.text}
        </p>
      ) : null}
      <ServiceBadges
        t={t}
        access={service.access}
        price={service.price}
        load={service.registrationLoad}
        status={service.status}
        label={t("directory.service.access")}
      />
      <dl class="service-card__facts">
        {service.softwareName ? (
          <div>
            <dt>{t("directory.service.software")}</dt>
            <dd>{service.softwareName}</dd>
          </div>
        ) : null}
        {service.languages.length > 0 ? (
          <div>
            <dt>{t("directory.service.languages")}</dt>
            <dd>{service.languages.map((l) => languageName(locale, l)).join(", ")}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}

export function ExportLinks({ c, api, query }: { c: AppContext; api: string; query: string }) {
  const t = c.get("t");
  return (
    <p class="export-links">
      {t("directory.export.title")} : <a href={`${api}${query}`}>{t("common.export.json")}</a> ·{" "}
      <a href={`${api}.csv${query}`}>{t("common.export.csv")}</a>
    </p>
  );
}

/** A <select> whose options show how many results each would give. */
export function CountedSelect({
  id,
  name,
  label,
  anyLabel,
  options,
  current,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  options: { value: string; label: string; count?: number | undefined }[];
  current: string | undefined;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.count === undefined ? o.label : `${o.label} (${o.count})`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Checkboxes sharing one name, each with its count. */
export function CountedChecks({
  legend,
  name,
  options,
  current,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string; count?: number | undefined }[];
  current: readonly string[];
}) {
  return (
    <fieldset class="checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label class="checks__item">
          <input type="checkbox" name={name} value={o.value} checked={current.includes(o.value)} /> {o.label}
          {o.count === undefined ? null : <span class="muted"> ({o.count})</span>}
        </label>
      ))}
    </fieldset>
  );
}
