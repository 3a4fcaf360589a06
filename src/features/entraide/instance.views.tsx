import type { AppContext } from "../../http/context.js";
import type { FieldErrors, FormValues } from "../../http/forms.js";
import { Badge, SelectField, TextField } from "../../views/components.js";
import type { InstanceView } from "./entraide.repository.js";
import type { InstanceSummary } from "./aggregates.js";
import { isReason } from "./health.js";
import { SOFTWARE_SLUGS, softwareName } from "./software.js";

/** Pieces shared by the structure's page, the admin page and the dashboard panel. */

export function StateBadges({ c, instance }: { c: AppContext; instance: InstanceView }) {
  const t = c.get("t");
  const approvalTone =
    instance.approval === "approved" ? "ok" : instance.approval === "pending" ? "info" : "bad";
  const healthTone = instance.health === "up" ? "ok" : instance.health === "down" ? "bad" : "neutral";
  return (
    <>
      <Badge tone={approvalTone}>{t(`entraide.approval.${instance.approval}`)}</Badge>{" "}
      <Badge tone={healthTone}>{t(`entraide.health.${instance.health}`)}</Badge>
      {instance.paused === 1 ? (
        <>
          {" "}
          <Badge tone="warn">{t("entraide.paused")}</Badge>
        </>
      ) : null}
    </>
  );
}

export function LastCheck({ c, instance }: { c: AppContext; instance: InstanceView }) {
  const t = c.get("t");
  if (!instance.last_checked_at) return <>{t("entraide.never_checked")}</>;
  const reason = instance.last_reason && isReason(instance.last_reason) ? instance.last_reason : null;
  return (
    <>
      {t.dateTime(instance.last_checked_at)}
      {instance.last_status !== null ? <> · HTTP {instance.last_status}</> : null}
      {instance.last_ms !== null ? <> · {t("entraide.ms", { ms: instance.last_ms })}</> : null}
      {reason ? (
        <>
          <br />
          {t(`entraide.reason.${reason}`)}
        </>
      ) : null}
    </>
  );
}

export function percent(c: AppContext, value: number | null): string {
  if (value === null) return "—";
  return c.get("t").number(value, { style: "percent", maximumFractionDigits: 1 });
}

/** 30 days as 30 small bars (colour and a text title per day), with the summary as its label. */
export function UptimeStrip(props: { c: AppContext; days: string[]; summary: InstanceSummary }) {
  const { c, days, summary } = props;
  const t = c.get("t");
  const byDay = new Map(summary.days.map((d) => [d.day, d]));
  const label = `${t("entraide.col.uptime")} ${percent(c, summary.uptime)}`;
  return (
    <svg
      width={days.length * 6}
      height="16"
      viewBox={`0 0 ${days.length * 6} 16`}
      role="img"
      aria-label={label}
    >
      {days.map((day, i) => {
        const d = byDay.get(day);
        const ratio = d && d.checks > 0 ? d.ok / d.checks : null;
        const fill =
          ratio === null ? "#d8d2c6" : ratio >= 0.99 ? "#2e7d32" : ratio >= 0.9 ? "#c77700" : "#b3261e";
        return (
          <rect x={i * 6} y="0" width="5" height="16" fill={fill}>
            <title>{`${t.date(day)} — ${percent(c, ratio)}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

export function InstanceFields(props: {
  c: AppContext;
  values: FormValues | undefined;
  errors: FieldErrors | undefined;
  urlHint?: string;
}) {
  const { c, values, errors } = props;
  const t = c.get("t");
  return (
    <>
      <SelectField
        c={c}
        name="software"
        label={t("entraide.form.software")}
        hint={t("entraide.form.software.hint")}
        required
        options={SOFTWARE_SLUGS.map((s) => ({ value: s, label: softwareName(s) }))}
        values={values}
        errors={errors}
      />
      <TextField
        c={c}
        name="url"
        type="url"
        inputmode="url"
        label={t("entraide.form.url")}
        hint={props.urlHint ?? t("entraide.form.url.hint")}
        required
        maxlength={500}
        values={values}
        errors={errors}
      />
      <TextField
        c={c}
        name="weight"
        type="number"
        inputmode="numeric"
        label={t("entraide.form.weight")}
        hint={t("entraide.form.weight.hint")}
        values={values ?? { weight: "5" }}
        errors={errors}
      />
      <TextField
        c={c}
        name="max_share"
        type="number"
        inputmode="numeric"
        label={t("entraide.form.max_share")}
        hint={t("entraide.form.max_share.hint")}
        values={values}
        errors={errors}
      />
    </>
  );
}
