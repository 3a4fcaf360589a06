import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import { Layout } from "../../views/Layout.js";
import { Csrf } from "../../views/components.js";
import { enumLabel } from "../directory/labels.js";
import { OPTION_KEYS, OPTION_VALUES, optionsQuery, type KittenOptions } from "./kitten.js";
import { PNG_SIZES } from "./png.js";

export interface KeepTarget {
  id: string;
  slug: string;
  name: string;
}

export interface KittenPageProps {
  c: AppContext;
  seed: string;
  options: KittenOptions;
  targets: KeepTarget[];
  selected: string | undefined;
  others: string[];
}

const imagePath = (seed: string, options: KittenOptions, ext: "svg" | "png") =>
  `/kittens/${encodeURIComponent(seed)}.${ext}${optionsQuery(seed, options)}`;

function withParam(path: string, key: string, value: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}${key}=${encodeURIComponent(value)}`;
}

function valueLabel(c: AppContext, key: keyof KittenOptions, value: string): string {
  const t = c.get("t");
  return enumLabel(t, key === "eyes" && value === "round" ? "kittens.value.eyes." : "kittens.value.", value);
}

function OptionGroup({ c, name, current }: { c: AppContext; name: keyof KittenOptions; current: string }) {
  const t = c.get("t");
  const legend = enumLabel(t, "kittens.option.", name);
  return (
    <fieldset class="kitten-options__group">
      <legend>{legend}</legend>
      {OPTION_VALUES[name].map((value) => (
        <label class="kitten-options__choice">
          <input type="radio" name={name} value={value} checked={value === current} />{" "}
          {valueLabel(c, name, value)}
        </label>
      ))}
    </fieldset>
  );
}

function KeepForm({ c, seed, options, targets, selected }: KittenPageProps) {
  const t = c.get("t");
  if (targets.length === 0) return <p>{t("kittens.keep.signin")}</p>;
  return (
    <form method="post" action={href(c, "/kittens/keep")} class="kitten-keep">
      <Csrf c={c} />
      <input type="hidden" name="seed" value={seed} />
      {OPTION_KEYS.map((key) => (
        <input type="hidden" name={key} value={options[key]} />
      ))}
      <div class="field">
        <label for="field-member">{t("kittens.keep.member")}</label>
        <select id="field-member" name="member">
          {targets.map((m) => (
            <option value={m.slug} selected={m.slug === selected}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" name="action" value="keep" class="button">
        {t("kittens.keep.submit")}
      </button>{" "}
      <button type="submit" name="action" value="reset" class="button button--secondary">
        {t("kittens.keep.reset")}
      </button>
    </form>
  );
}

export function KittenPage(props: KittenPageProps) {
  const { c, seed, options, others, selected } = props;
  const t = c.get("t");
  const svg = imagePath(seed, options, "svg");
  const base = selected
    ? `${href(c, "/kittens")}?member=${encodeURIComponent(selected)}`
    : href(c, "/kittens");
  return (
    <Layout c={c} title={t("kittens.title")}>
      <h1>{t("kittens.title")}</h1>
      <p class="lead">{t("kittens.intro")}</p>
      <div class="kitten-layout">
        <section class="kitten-preview" aria-labelledby="kitten-preview-title">
          <h2 id="kitten-preview-title">{t("kittens.preview")}</h2>
          <img src={svg} width="256" height="256" alt={t("kittens.image.title", { seed })} />
          <h3>{t("kittens.download")}</h3>
          <ul class="plain-list">
            <li>
              <a href={withParam(svg, "download", "1")} download>
                {t("kittens.download.svg")}
              </a>
            </li>
            {PNG_SIZES.filter((s) => s >= 256).map((size) => (
              <li>
                <a
                  href={withParam(
                    withParam(imagePath(seed, options, "png"), "size", String(size)),
                    "download",
                    "1",
                  )}
                  download
                >
                  {t("kittens.download.png", { size })}
                </a>
              </li>
            ))}
          </ul>
          <h3>{t("kittens.keep.title")}</h3>
          <p>{t("kittens.keep.intro")}</p>
          <KeepForm {...props} />
        </section>
        <form method="get" action={href(c, "/kittens")} class="kitten-options" data-autosubmit>
          <h2>{t("kittens.form.legend")}</h2>
          {selected ? <input type="hidden" name="member" value={selected} /> : null}
          <input type="hidden" name="was" value={seed} />
          <div class="field">
            <label for="field-seed">{t("kittens.form.seed")}</label>
            <p class="field__hint" id="hint-seed">
              {t("kittens.form.seed.hint")}
            </p>
            <input
              id="field-seed"
              type="text"
              name="seed"
              value={seed}
              maxlength={64}
              aria-describedby="hint-seed"
            />
          </div>
          {OPTION_KEYS.map((key) => (
            <OptionGroup c={c} name={key} current={options[key]} />
          ))}
          <button type="submit" class="button">
            {t("kittens.form.submit")}
          </button>{" "}
          <a href={withParam(base, "seed", seed)}>{t("kittens.form.reset")}</a>
        </form>
      </div>
      <section aria-labelledby="kitten-others">
        <h2 id="kitten-others">{t("kittens.others")}</h2>
        <p>{t("kittens.others.intro")}</p>
        <ul class="kitten-gallery">
          {others.map((other) => (
            <li>
              <a href={withParam(base, "seed", other)}>
                <img src={`/kittens/${encodeURIComponent(other)}.svg`} width="96" height="96" alt="" />
                <span>{other}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
