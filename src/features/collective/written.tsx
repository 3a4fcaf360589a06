import { LOCALES, isLocale, type Locale } from "../../i18n/index.js";
import type { AppContext } from "../../http/context.js";
import { optionalChoice, type FieldErrors, type FormValues } from "../../http/forms.js";
import { SelectField } from "../../views/components.js";

/**
 * Text people write here (news, meeting titles, agenda items, minutes) stays in the language it was
 * written in: the form asks which (the page's language by default) and pages mark it with `lang`.
 */
export const langField = () => optionalChoice(LOCALES);

/** The language a form's text is in: as chosen, else what it was, else the page's language. */
export const langOr = (c: AppContext, chosen: Locale | undefined, before?: Locale): Locale =>
  chosen ?? before ?? c.get("locale");

/** A stored language code, read back; rows from before the column were French. */
export const toLang = (value: string): Locale => (isLocale(value) ? value : "fr");

/** The form's default: the language the author is using the platform in. */
export const defaultLang = (c: AppContext): FormValues => ({ lang: c.get("locale") });

export function LangField(props: {
  c: AppContext;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const t = props.c.get("t");
  return (
    <SelectField
      c={props.c}
      values={props.values}
      errors={props.errors}
      name="lang"
      label={t("collective.lang")}
      hint={t("collective.lang.hint")}
      required
      options={LOCALES.map((l) => ({ value: l, label: t(`collective.lang.${l}`) }))}
    />
  );
}
