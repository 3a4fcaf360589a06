import type { AppContext } from "../../http/context.js";
import { Badge, SelectField, TextField } from "../../views/components.js";
import type { Instance } from "./entraide.repository.js";
import type { DirectoryService } from "./directory.port.js";
import type { InstanceSummary } from "./aggregates.js";

/** Pieces shared by the structure's page, the admin page and the dashboard panel. */

export function StateBadges({ c, instance }: { c: AppContext; instance: Instance }) {
  const t = c.get("t");
  const approvalTone =
    instance.approval === "approved" ? "ok" : instance.approval === "pending" ? "info" : "bad";
  const healthTone = instance.health === "up" ? "ok" : instance.health === "down" ? "bad" : "neutral";
  return (
    <>
      <Badge tone={approvalTone}>{t(`entraide.approval.${instance.approval}`)}</Badge>{" "}
      <Badge tone={healthTone}>{t(`entraide.health.${instance.health}`)}</Badge>
      {instance.paused ? (
        <>
          {" "}
          <Badge tone="warn">{t("entraide.paused")}</Badge>
        </>
      ) : null}
    </>
  );
}

export function LastCheck({ c, instance }: { c: AppContext; instance: Instance }) {
  const t = c.get("t");
  if (!instance.lastCheckedAt) return <>{t("entraide.never_checked")}</>;
  const reason = instance.lastReason;
  return (
    <>
      {t.dateTime(instance.lastCheckedAt)}
      {instance.lastStatus !== null ? <> · HTTP {instance.lastStatus}</> : null}
      {instance.lastMs !== null ? <> · {t("entraide.ms", { ms: instance.lastMs })}</> : null}
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

/**
 * The fields of an instance, inside the form's <FormFields>: which of the structure's directory
 * services it is (its address and software come from there), its capacity and its share.
 */
export function InstanceFields(props: {
  c: AppContext;
  services: DirectoryService[];
  /** Directory category id → the name shown next to each service. */
  categoryNames: Map<string, string>;
  serviceHint?: string;
}) {
  const t = props.c.get("t");
  return (
    <>
      <SelectField
        name="directory_service_id"
        label={t("entraide.form.directory_service")}
        hint={props.serviceHint ?? t("entraide.form.directory_service.hint")}
        required
        options={props.services.map((s) => ({
          value: s.id,
          label: t("entraide.form.directory_service.option", {
            name: s.name,
            url: s.url,
            category: props.categoryNames.get(s.categoryId) ?? s.categoryId,
          }),
        }))}
      />
      <TextField
        name="weight"
        type="number"
        inputmode="numeric"
        label={t("entraide.form.weight")}
        hint={t("entraide.form.weight.hint")}
      />
      <TextField
        name="max_share"
        type="number"
        inputmode="numeric"
        label={t("entraide.form.max_share")}
        hint={t("entraide.form.max_share.hint")}
      />
    </>
  );
}
