import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { MemberPicture } from "../logos/logos.views.js";
import { SERVICE_FAMILIES } from "../directory.tables.js";
import { enumLabel } from "../labels.js";
import { categoryName, countryName, place, safeUrl } from "../directory.components.js";
import { finderLink, isAnswered, type GuideAnswers, type Suggestion } from "./guide.js";
import type { DirectorySnapshot } from "./snapshot.js";
import { filterChoices } from "./choices.js";

interface GuidePageProps {
  c: AppContext;
  answers: GuideAnswers;
  suggestions: Suggestion[];
  snapshot: DirectorySnapshot;
}

function Radio({
  name,
  value,
  label,
  checked,
}: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
}) {
  return (
    <label class="checks__item">
      <input type="radio" name={name} value={value} checked={checked} /> {label}
    </label>
  );
}

function GuideForm({ c, answers, snapshot }: GuidePageProps) {
  const t = c.get("t");
  const locale = c.get("locale");
  const need = answers.need
    ? answers.need.kind === "family"
      ? `family:${answers.need.id}`
      : answers.need.kind === "category"
        ? answers.need.id
        : ""
    : "";
  const leave = answers.need?.kind === "alternative" ? answers.need.id : "";
  const where = answers.country
    ? answers.region
      ? `${answers.country}/${answers.region}`
      : answers.country
    : "";
  const places = filterChoices(snapshot, locale).regionsByCountry;
  return (
    <form method="get" action={href(c, "/guide")} class="guide-form">
      <div class="field">
        <label for="guide-leave">{t("directory.guide.leave")}</label>
        <p class="field__hint">{t("directory.guide.leave.hint")}</p>
        <select id="guide-leave" name="leave">
          <option value="">{t("directory.guide.leave.none")}</option>
          {snapshot.alternatives.entries.map((e) => (
            <option value={e.id} selected={leave === e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="guide-need">1. {t("directory.guide.need")}</label>
        <p class="field__hint">{t("directory.guide.need.hint")}</p>
        <select id="guide-need" name="need">
          <option value="">{t("directory.guide.need.placeholder")}</option>
          {SERVICE_FAMILIES.map((family) => (
            <optgroup label={enumLabel(t, "directory.family.", family)}>
              <option value={`family:${family}`} selected={need === `family:${family}`}>
                {enumLabel(t, "directory.family.", family)}
              </option>
              {snapshot.categories
                .filter((cat) => cat.family === family)
                .map((cat) => (
                  <option value={cat.id} selected={need === cat.id}>
                    {categoryName(locale, cat)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <fieldset class="checks">
        <legend>2. {t("directory.guide.who")}</legend>
        <Radio
          name="who"
          value="individual"
          label={t("directory.guide.who.individual")}
          checked={answers.who === "individual"}
        />
        <Radio
          name="who"
          value="organisation"
          label={t("directory.guide.who.organisation")}
          checked={answers.who === "organisation"}
        />
      </fieldset>
      <div class="field">
        <label for="guide-where">3. {t("directory.guide.where")}</label>
        <select id="guide-where" name="where">
          <option value="">{t("directory.guide.where.anywhere")}</option>
          {[...places.entries()].map(([code, regions]) => (
            <optgroup label={countryName(locale, code)}>
              <option value={code} selected={where === code}>
                {countryName(locale, code)}
              </option>
              {regions.map((r) => (
                <option value={`${code}/${r}`} selected={where === `${code}/${r}`}>
                  {r}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <fieldset class="checks">
        <legend>4. {t("directory.guide.account")}</legend>
        <Radio
          name="account"
          value="none"
          label={t("directory.guide.account.none")}
          checked={answers.account === "none"}
        />
        <Radio
          name="account"
          value="yes"
          label={t("directory.guide.account.yes")}
          checked={answers.account === "yes"}
        />
        <Radio
          name="account"
          value="any"
          label={t("directory.guide.account.any")}
          checked={answers.account === "any"}
        />
      </fieldset>
      <button type="submit" class="button">
        {t("directory.guide.submit")}
      </button>
    </form>
  );
}

function SuggestionCard({ c, s }: { c: AppContext; s: Suggestion }) {
  const t = c.get("t");
  const locale = c.get("locale");
  return (
    <article class="guide-result">
      <MemberPicture c={c} member={s.member} size={64} />
      <div>
        <h3>
          <a href={href(c, `/members/${s.member.slug}`)}>{s.member.name}</a>
        </h3>
        <p class="muted">
          {enumLabel(t, "directory.type.", s.member.type)} · {place(locale, s.member)}
        </p>
        <p>{t("directory.guide.why")} :</p>
        <ul class="reasons">
          {s.reasons.map((r) => (
            <li>{t(r.key, r.vars)}</li>
          ))}
        </ul>
        <p>
          {s.services.map((svc, i) => (
            <>
              {i > 0 ? " · " : ""}
              <a href={safeUrl(svc.url)}>{t("directory.service.open", { name: svc.name })}</a>
            </>
          ))}
        </p>
      </div>
    </article>
  );
}

export function GuidePage(props: GuidePageProps) {
  const { c, answers, suggestions } = props;
  const t = c.get("t");
  return (
    <Layout c={c} title={t("directory.guide.title")} section="services">
      <h1>{t("directory.guide.title")}</h1>
      <p class="lead">{t("directory.guide.intro")}</p>
      <GuideForm {...props} />
      <section aria-labelledby="guide-results" class="guide-section">
        <h2 id="guide-results">{t("directory.guide.results")}</h2>
        {!isAnswered(answers) ? (
          <p>{t("directory.guide.ask")}</p>
        ) : suggestions.length === 0 ? (
          <p class="empty">{t("directory.guide.none")}</p>
        ) : (
          <>
            <p>{t("directory.guide.results.intro")}</p>
            <ol class="guide-results">
              {suggestions.map((s) => (
                <li>
                  <SuggestionCard c={c} s={s} />
                </li>
              ))}
            </ol>
          </>
        )}
        {isAnswered(answers) ? (
          <p>
            <a href={`${href(c, "/services")}${finderLink(answers)}`}>{t("directory.guide.finder")}</a>
          </p>
        ) : null}
      </section>
    </Layout>
  );
}
