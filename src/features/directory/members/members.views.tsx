import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Pagination } from "../../../views/components.js";
import { MemberPicture } from "../logos/logos.views.js";
import { MEMBER_TYPES } from "../directory.tables.js";
import { counted, enumLabel } from "../labels.js";
import { finderQueryString, type FinderQuery, type Page } from "../finder/finder.js";
import { CountedChecks, CountedSelect, countryName, ExportLinks, place } from "../directory.components.js";
import type { DirectorySnapshot, ListedMember } from "../finder/snapshot.js";
import { filterChoices } from "../finder/choices.js";

interface MembersPageProps {
  c: AppContext;
  query: FinderQuery;
  page: Page<ListedMember>;
  snapshot: DirectorySnapshot;
}

function MemberFilters({ c, query, snapshot }: MembersPageProps) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { countries, regions } = filterChoices(snapshot, locale);
  return (
    <form method="get" action={href(c, "/members")} class="filters filters--inline">
      <div class="field">
        <label for="members-q">{t("directory.filters.q")}</label>
        <p class="field__hint" id="members-q-hint">
          {t("directory.filters.q.members.hint")}
        </p>
        <input
          id="members-q"
          type="search"
          name="q"
          value={query.q}
          maxlength={100}
          aria-describedby="members-q-hint"
        />
      </div>
      <CountedSelect
        id="members-country"
        name="country"
        label={t("directory.filters.country")}
        anyLabel={t("directory.filters.any")}
        current={query.country[0]}
        options={countries.map((code) => ({ value: code, label: countryName(locale, code) }))}
      />
      <CountedSelect
        id="members-region"
        name="region"
        label={t("directory.filters.region")}
        anyLabel={t("directory.filters.any")}
        current={query.region[0]}
        options={regions.map((r) => ({ value: r, label: r }))}
      />
      <CountedChecks
        legend={t("directory.filters.type")}
        name="type"
        current={query.type}
        options={MEMBER_TYPES.map((ty) => ({ value: ty, label: enumLabel(t, "directory.type.", ty) }))}
      />
      <button type="submit" class="button">
        {t("directory.filters.submit")}
      </button>{" "}
      <a href={href(c, "/members")}>{t("directory.filters.reset")}</a>
    </form>
  );
}

export function MemberCard({ c, member }: { c: AppContext; member: ListedMember }) {
  const t = c.get("t");
  const locale = c.get("locale");
  return (
    <article class="member-card">
      <MemberPicture c={c} member={member} size={64} />
      <div>
        <h2 class="member-card__name">
          <a href={href(c, `/members/${member.slug}`)}>{member.name}</a>
        </h2>
        <p class="muted">
          {enumLabel(t, "directory.type.", member.type)}
          {member.city || member.countryCode ? ` · ${place(locale, member)}` : ""}
        </p>
        <p>
          {counted(t, "directory.members.services", member.serviceCount)}
          {member.status !== "active" ? ` · ${enumLabel(t, "directory.status.", member.status)}` : ""}
        </p>
      </div>
    </article>
  );
}

export function MembersPage(props: MembersPageProps) {
  const { c, query, page } = props;
  const t = c.get("t");
  const permalink = finderQueryString(query);
  return (
    <Layout c={c} title={t("directory.members.title")} section="members" wide>
      <h1>{t("directory.members.title")}</h1>
      <p class="lead">{t("directory.members.intro")}</p>
      <p>
        <a href={href(c, "/map")}>{t("directory.members.map")}</a> ·{" "}
        <a href={href(c, "/services")}>{t("directory.finder.title")}</a> ·{" "}
        <a href={href(c, "/guide")}>{t("directory.guide.title")}</a>
      </p>
      <MemberFilters {...props} />
      <h2 class="count">{counted(t, "directory.members.count", page.total)}</h2>
      {page.total === 0 ? (
        <p class="empty">{t("directory.members.empty")}</p>
      ) : (
        <ul class="member-grid">
          {page.items.map((m) => (
            <li>
              <MemberCard c={c} member={m} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        c={c}
        page={page.page}
        pages={page.pages}
        link={(p) => `${href(c, "/members")}${finderQueryString(query, { page: p })}`}
      />
      <ExportLinks c={c} api="/api/members" query={permalink} />
    </Layout>
  );
}
