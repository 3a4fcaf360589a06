import type { Translator } from "../../../i18n/index.js";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Pagination } from "../../../views/components.js";
import { MEMBER_TYPES, PRICES, SERVICE_ACCESS, SERVICE_FAMILIES } from "../directory.tables.js";
import { categoryLabel, counted, enumLabel } from "../labels.js";
import { finderQueryString, type FinderQuery, type FinderResult } from "./finder.js";
import {
  categoryName,
  CountedChecks,
  CountedSelect,
  countryName,
  ExportLinks,
  languageName,
  ServiceCard,
} from "../directory.components.js";
import type { DirectorySnapshot } from "./snapshot.js";
import { filterChoices } from "./choices.js";
import type { Understood } from "./search.js";
import {
  AlternativeHeading,
  appliedFilters,
  EmptyResults,
  FilterChips,
  NearNotice,
  replacedNames,
} from "./finder.parts.js";

interface FinderPageProps {
  c: AppContext;
  query: FinderQuery;
  search: Understood;
  result: FinderResult;
  snapshot: DirectorySnapshot;
  day: string;
}

/** A filter's choices: each value's label from the catalogue and how many services it would keep. */
function countedOptions(
  t: Translator,
  values: readonly string[],
  prefix: string,
  counts: ReadonlyMap<string, number>,
): { value: string; label: string; count: number }[] {
  return values.map((value) => ({
    value,
    label: enumLabel(t, prefix, value),
    count: counts.get(value) ?? 0,
  }));
}

function FinderFilters({
  c,
  query,
  search,
  result,
  snapshot,
  applied,
}: FinderPageProps & { applied: number }) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { counts } = result;
  const { software, countries, regions, languages } = filterChoices(snapshot, locale);
  return (
    <form
      method="get"
      action={href(c, "/services")}
      class="filters"
      aria-label={t("directory.filters.title")}
    >
      <div class="field">
        <label for="finder-q">{t("directory.filters.q")}</label>
        <p class="field__hint" id="finder-q-hint">
          {t("directory.filters.q.services.hint")}
        </p>
        <input
          id="finder-q"
          type="search"
          name="q"
          value={query.q}
          maxlength={100}
          aria-describedby="finder-q-hint"
        />
      </div>
      <div class="field">
        <label for="finder-near">{t("directory.filters.near")}</label>
        <p class="field__hint" id="finder-near-hint">
          {t("directory.filters.near.hint")}
        </p>
        <input
          id="finder-near"
          type="text"
          name="near"
          value={query.near}
          maxlength={100}
          autocomplete="address-level2"
          aria-describedby="finder-near-hint"
        />
      </div>
      <button type="submit" class="button finder__search">
        {t("directory.filters.search")}
      </button>
      {/* The other filters fold away on a phone (results first); app.js opens them on a laptop. */}
      <details class="finder__filters" data-open-wide="64rem">
        <summary class="finder__filters-toggle">{t.plural("directory.filters.more", applied)}</summary>
        <CountedSelect
          id="finder-alternative"
          name="alternative"
          label={t("directory.filters.alternative")}
          anyLabel={t("directory.filters.any")}
          current={search.query.alternative[0]}
          options={snapshot.alternatives.entries
            .filter((e) => (counts.alternative.get(e.id) ?? 0) > 0 || search.query.alternative.includes(e.id))
            .map((e) => ({ value: e.id, label: e.name, count: counts.alternative.get(e.id) ?? 0 }))}
        />
        <CountedSelect
          id="finder-category"
          name="category"
          label={t("directory.filters.category")}
          anyLabel={t("directory.filters.any")}
          current={query.category[0]}
          options={snapshot.categories.map((cat) => ({
            value: cat.id,
            label: categoryName(locale, cat),
            count: counts.category.get(cat.id) ?? 0,
          }))}
        />
        <CountedSelect
          id="finder-family"
          name="family"
          label={t("directory.filters.family")}
          anyLabel={t("directory.filters.any")}
          current={query.family[0]}
          options={countedOptions(t, SERVICE_FAMILIES, "directory.family.", counts.family)}
        />
        <CountedChecks
          legend={t("directory.filters.access")}
          name="access"
          current={query.access}
          options={countedOptions(t, SERVICE_ACCESS, "directory.access.", counts.access)}
        />
        <CountedChecks
          legend={t("directory.filters.price")}
          name="price"
          current={query.price}
          options={countedOptions(t, PRICES, "directory.price.", counts.price)}
        />
        <div class="checkbox">
          <input type="checkbox" id="finder-open" name="open" value="1" checked={query.open} />
          <label for="finder-open">
            {t("directory.filters.open")} <span class="muted">({counts.open.get("1") ?? 0})</span>
          </label>
        </div>
        <CountedSelect
          id="finder-country"
          name="country"
          label={t("directory.filters.country")}
          anyLabel={t("directory.filters.any")}
          current={query.country[0]}
          options={countries.map((code) => ({
            value: code,
            label: countryName(locale, code),
            count: counts.country.get(code) ?? 0,
          }))}
        />
        <CountedSelect
          id="finder-region"
          name="region"
          label={t("directory.filters.region")}
          anyLabel={t("directory.filters.any")}
          current={query.region[0]}
          options={regions.map((r) => ({ value: r, label: r, count: counts.region.get(r) ?? 0 }))}
        />
        <CountedSelect
          id="finder-software"
          name="software"
          label={t("directory.filters.software")}
          anyLabel={t("directory.filters.any")}
          current={query.software[0]}
          options={software.map(([slug, name]) => ({
            value: slug,
            label: name,
            count: counts.software.get(slug) ?? 0,
          }))}
        />
        <CountedChecks
          legend={t("directory.filters.type")}
          name="type"
          current={query.type}
          options={MEMBER_TYPES.map((ty) => ({
            value: ty,
            label: enumLabel(t, "directory.type.", ty),
            count: counts.type.get(ty) ?? 0,
          }))}
        />
        <CountedSelect
          id="finder-language"
          name="language"
          label={t("directory.filters.language")}
          anyLabel={t("directory.filters.any")}
          current={query.language[0]}
          options={languages.map((l) => ({
            value: l,
            label: languageName(locale, l),
            count: counts.language.get(l) ?? 0,
          }))}
        />
        <button type="submit" class="button">
          {t("directory.filters.submit")}
        </button>{" "}
        <a href={href(c, "/services")}>{t("directory.filters.reset")}</a>
      </details>
    </form>
  );
}

/** How a filter value reads on its chip: the same label as in the filters. */
function filterLabel(c: AppContext, snapshot: DirectorySnapshot) {
  const t = c.get("t");
  const locale = c.get("locale");
  const software = new Map(filterChoices(snapshot, locale).software);
  return (facet: string, value: string): string => {
    switch (facet) {
      case "alternative":
        return snapshot.alternatives.byId.get(value)?.name ?? value;
      case "category": {
        const cat = snapshot.categories.find((x) => x.id === value);
        return cat ? categoryName(locale, cat) : value;
      }
      case "family":
      case "access":
      case "price":
      case "type":
        return enumLabel(t, `directory.${facet}.`, value);
      case "country":
        return countryName(locale, value);
      case "software":
        return software.get(value) ?? value;
      case "language":
        return languageName(locale, value);
      default:
        return value;
    }
  };
}

export function FinderPage(props: FinderPageProps) {
  const { c, query, search, result, snapshot, day } = props;
  const searched = search.alternative?.id;
  const t = c.get("t");
  const locale = c.get("locale");
  const permalink = finderQueryString(query);
  const categories = new Map(snapshot.categories.map((cat) => [cat.id, categoryLabel(locale, cat)]));
  const link = (page: number) => `${href(c, "/services")}${finderQueryString(query, { page })}`;
  const filters = appliedFilters(c, query, filterLabel(c, snapshot));
  return (
    <Layout c={c} title={t("directory.finder.title")} section="services" wide>
      <h1>{t("directory.finder.title")}</h1>
      <p class="lead finder__intro">{t("directory.finder.intro")}</p>
      <p class="finder__guide">
        <a href={href(c, "/guide")}>{t("directory.finder.guide")}</a>
      </p>
      <div class="finder">
        <FinderFilters {...props} applied={filters.length - (query.q ? 1 : 0) - (query.near ? 1 : 0)} />
        <section class="finder__results" id="finder-results" aria-labelledby="finder-count">
          <AlternativeHeading c={c} search={search} snapshot={snapshot} />
          <h2 id="finder-count">{counted(t, "directory.finder.count", result.page.total)}</h2>
          <FilterChips c={c} filters={filters} />
          <NearNotice c={c} query={query} search={search} />
          <p class="muted">
            {result.distances ? null : <>{t("directory.finder.order", { day: t.date(day) })} </>}
            <a href={`${href(c, "/services")}${permalink}`}>{t("directory.filters.permalink")}</a> ·{" "}
            <a href={`${href(c, "/map")}${permalink}`}>{t("directory.finder.map")}</a>
          </p>
          {result.page.total === 0 ? (
            <EmptyResults c={c} search={search} />
          ) : (
            <ul class="service-list">
              {result.page.items.map((s) => (
                <li>
                  <ServiceCard
                    c={c}
                    service={s}
                    category={categories.get(s.categoryId) ?? { text: s.categoryId, lang: undefined }}
                    replaces={replacedNames(snapshot, s, searched)}
                    distanceKm={result.distances?.get(s.id)}
                  />
                </li>
              ))}
            </ul>
          )}
          <Pagination c={c} page={result.page.page} pages={result.page.pages} link={link} />
          <ExportLinks c={c} api="/api/services" query={permalink} />
        </section>
      </div>
    </Layout>
  );
}
