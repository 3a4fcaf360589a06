import { isCheckCode, type CheckParams, type CheckResult } from "./chatonsinfos/check.js";

/** A stored report (JSON text), read tolerantly: a result this version does not know is left out. */
export function parseReport(text: string | null): CheckResult[] {
  if (!text) return [];
  try {
    return resultsFrom(JSON.parse(text));
  } catch {
    return [];
  }
}

/** Check results from parsed JSON, each one checked field by field. */
export function resultsFrom(raw: unknown): CheckResult[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r: unknown): CheckResult[] => {
    if (typeof r !== "object" || r === null) return [];
    const get = (k: string): unknown => (Object.hasOwn(r, k) ? Reflect.get(r, k) : undefined);
    const severity = get("severity");
    const code = get("code");
    if (
      (severity !== "error" && severity !== "warning" && severity !== "void" && severity !== "ok") ||
      !isCheckCode(code)
    )
      return [];
    const line = get("line");
    const detail = get("detail");
    const hint = get("hint");
    const params = get("params");
    return [
      {
        severity,
        code,
        key: String(get("key") ?? ""),
        line: typeof line === "number" ? line : null,
        ...(typeof detail === "string" ? { detail } : {}),
        ...(isParams(params) ? { params } : {}),
        ...(typeof hint === "string" ? { hint } : {}),
      },
    ];
  });
}

function isParams(value: unknown): value is CheckParams {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string")
  );
}
