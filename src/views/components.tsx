import { createContext, useContext, type Child } from "hono/jsx";
import type { AppContext } from "../http/context.js";
import { csrfToken } from "../http/csrf.js";
import type { FieldErrors, FormValues } from "../http/forms.js";

/** The hidden CSRF field every form carries. */
export function Csrf({ c }: { c: AppContext }) {
  return <input type="hidden" name="_csrf" value={csrfToken(c)} />;
}

export function ErrorSummary({ c, errors }: { c: AppContext; errors: FieldErrors | undefined }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  const t = c.get("t");
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{t("form.errors.title")}</h2>
      <p>{t("form.errors.intro")}</p>
      <ul>
        {Object.entries(errors).map(([field, error]) => (
          <li>
            <a href={`#field-${field}`}>{t(error.key, error.vars)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What every field of one form shares: the request (for the translator), the submitted values, the errors. */
export interface FormState {
  c: AppContext;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}

const FormContext = createContext<FormState | null>(null);

/**
 * Gives the fields inside it their form's state, so a form writes `<TextField name="x" … />`
 * instead of passing `c`, `values` and `errors` to every field.
 */
export function FormFields(props: FormState & { children: Child }) {
  return (
    <FormContext.Provider value={{ c: props.c, values: props.values, errors: props.errors }}>
      {props.children}
    </FormContext.Provider>
  );
}

interface FieldProps {
  /** Taken from the enclosing <FormFields> when absent. */
  c?: AppContext;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  errors?: FieldErrors | undefined;
  values?: FormValues | undefined;
}

interface FieldBase extends FieldProps {
  c: AppContext;
}

/** A field's own props completed from the enclosing form. */
function inForm<P extends FieldProps>(props: P): P & FieldBase {
  const form = useContext(FormContext);
  const c = props.c ?? form?.c;
  if (!c) throw new Error(`field ${props.name} outside <FormFields> and without c`);
  return { ...props, c, values: props.values ?? form?.values, errors: props.errors ?? form?.errors };
}

function FieldShell(props: FieldBase & { children: Child }) {
  const t = props.c.get("t");
  const error = props.errors?.[props.name];
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={`field-${props.name}`}>
        {props.label}{" "}
        <span class="field__marker">({props.required ? t("form.required") : t("form.optional")})</span>
      </label>
      {props.hint ? (
        <p class="field__hint" id={`hint-${props.name}`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field__error" id={`error-${props.name}`}>
          {t(error.key, error.vars)}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

function describedBy(p: FieldBase): string | undefined {
  const ids = [p.hint ? `hint-${p.name}` : "", p.errors?.[p.name] ? `error-${p.name}` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextField(
  fieldProps: FieldProps & {
    type?: "text" | "email" | "url" | "password" | "date" | "number" | "search";
    autocomplete?: string;
    maxlength?: number;
    inputmode?: "url" | "email" | "none" | "text" | "search" | "tel" | "decimal" | "numeric";
    step?: string;
  },
) {
  const props = inForm(fieldProps);
  const value = props.type === "password" ? "" : (props.values?.[props.name] ?? "");
  return (
    <FieldShell {...props}>
      <input
        id={`field-${props.name}`}
        name={props.name}
        type={props.type ?? "text"}
        value={value}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
        step={props.step}
        aria-invalid={props.errors?.[props.name] ? "true" : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldShell>
  );
}

export function TextArea(fieldProps: FieldProps & { rows?: number; maxlength?: number }) {
  const props = inForm(fieldProps);
  return (
    <FieldShell {...props}>
      <textarea
        id={`field-${props.name}`}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={props.errors?.[props.name] ? "true" : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.values?.[props.name] ?? ""}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  fieldProps: FieldProps & {
    options: { value: string; label: string }[];
    placeholder?: string;
  },
) {
  const props = inForm(fieldProps);
  const current = props.values?.[props.name] ?? "";
  return (
    <FieldShell {...props}>
      <select
        id={`field-${props.name}`}
        name={props.name}
        required={props.required}
        aria-invalid={props.errors?.[props.name] ? "true" : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Checkbox(props: {
  name: string;
  label: string;
  checked?: boolean;
  value?: string;
  hint?: string;
}) {
  return (
    <div class="checkbox">
      <input
        type="checkbox"
        id={`field-${props.name}`}
        name={props.name}
        value={props.value ?? "1"}
        checked={props.checked}
      />
      <label for={`field-${props.name}`}>{props.label}</label>
      {props.hint ? <p class="field__hint">{props.hint}</p> : null}
    </div>
  );
}

export function Pagination({
  c,
  page,
  pages,
  link,
}: {
  c: AppContext;
  page: number;
  pages: number;
  link: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const t = c.get("t");
  return (
    <nav class="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <a href={link(page - 1)} rel="prev">
          {t("pagination.previous")}
        </a>
      ) : null}
      <span>{t("pagination.page", { page, pages })}</span>
      {page < pages ? (
        <a href={link(page + 1)} rel="next">
          {t("pagination.next")}
        </a>
      ) : null}
    </nav>
  );
}

/** A status badge with text (colour is never the only signal). */
export function Badge({
  tone,
  children,
}: {
  tone: "ok" | "warn" | "bad" | "neutral" | "info";
  children: Child;
}) {
  return <span class={`badge badge--${tone}`}>{children}</span>;
}
