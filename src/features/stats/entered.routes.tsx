import type { Hono } from "hono";
import type { AppContext, AppEnv, CurrentPerson } from "../../http/context.js";
import { href } from "../../http/context.js";
import { render } from "../../http/render.js";
import { HttpError, readBody } from "../../http/http-error.js";
import { CACHE_HEADER } from "../../http/page-cache.js";
import { requireMemberAdmin } from "../../http/policy.js";
import { validate, type FormResult } from "../../http/forms.js";
import { commitAndRedirect } from "../../http/commit.js";
import { generatedUrls, memberBySlug, servicesOf, type ServiceRow } from "./generated.js";
import { MAX_UPLOADED_VALUES, metricsLines, readUpload, type EnteredValue } from "./entered.js";
import { MonthSchema, YearSchema, monthValues, yearValues } from "./entered.schema.js";
import { countEntered, enteredOf, saveEntered } from "./entered.repository.js";
import { MAX_PASTED } from "./validate.js";
import { EnteredPage, type EnteredPageProps } from "./views/entered.js";

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const notFound = () => new HttpError(404, "404");

interface Target {
  person: CurrentPerson;
  member: NonNullable<Awaited<ReturnType<typeof memberBySlug>>>;
  service: ServiceRow;
}

/** The structure's admins (and platform admins) only. */
async function target(c: AppContext): Promise<Target> {
  const memberSlug = c.req.param("slug") ?? "";
  const serviceSlug = c.req.param("service") ?? "";
  if (!SLUG.test(memberSlug) || !SLUG.test(serviceSlug)) throw notFound();
  const { db } = c.get("deps");
  const member = await memberBySlug(db, memberSlug);
  if (!member) throw notFound();
  const person = requireMemberAdmin(c, member.id);
  const service = (await servicesOf(db, member.id)).find((s) => s.slug === serviceSlug);
  if (!service) throw notFound();
  return { person, member, service };
}

/**
 * A structure or service publishing its own file is crawled there, not from the generated one:
 * values entered here would never be read, so its page says where to put them instead.
 */
function ownFile(t: Target): string | null {
  return t.service.chatonsinfos_url ?? t.member.chatonsinfos_url;
}

async function page(
  c: AppContext,
  t: Target,
  extra: Partial<EnteredPageProps>,
  status: 200 | 409 | 413 | 422 = 200,
) {
  const { db, config } = c.get("deps");
  const values = await enteredOf(db, t.service.id);
  const res = await render(
    c,
    <EnteredPage
      c={c}
      member={t.member}
      service={t.service}
      fileUrl={generatedUrls(config).service(t.member.slug, t.service.slug)}
      lines={metricsLines(values)}
      count={await countEntered(db, t.service.id)}
      ownFile={ownFile(t)}
      {...extra}
    />,
    status,
  );
  res.headers.set(CACHE_HEADER, "0");
  return res;
}

function save(c: AppContext, t: Target, values: EnteredValue[], how: "form" | "upload") {
  const at = c.get("deps").now().toISOString();
  return commitAndRedirect(c, {
    write: (trx) => saveEntered(trx, t.service.id, values, { personId: t.person.id, at }),
    audit: {
      actor: { personId: t.person.id, memberId: t.member.id },
      action: "stats.metrics.entered",
      subject: { type: "service", id: t.service.id },
      data: { how, values: values.length },
    },
    flash: { kind: "success", text: c.get("t")("stats.entered.saved", { count: values.length }) },
    to: href(c, `/stats/metrics/${t.member.slug}/${t.service.slug}`),
  });
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

export function enteredPages(router: Hono<AppEnv>): void {
  router.get("/stats/metrics/:slug/:service", async (c) => page(c, await target(c), {}));

  router.post("/stats/metrics/:slug/:service", async (c) => {
    const t = await target(c);
    if (ownFile(t)) return page(c, t, {}, 409);
    const raw = await readBody(() => c.req.parseBody());
    const form = raw.form === "year" ? "year" : "month";
    const fields = Object.fromEntries(
      Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
    const parsed: FormResult<EnteredValue[]> =
      form === "year"
        ? mapped(validate(YearSchema, fields), yearValues)
        : mapped(validate(MonthSchema, fields), monthValues);
    if (!parsed.ok)
      return page(c, t, { posted: { form, values: parsed.values, errors: parsed.errors } }, 422);
    return save(c, t, parsed.data, "form");
  });

  router.post("/stats/metrics/:slug/:service/upload", async (c) => {
    const t = await target(c);
    if (ownFile(t)) return page(c, t, {}, 409);
    const raw = await readBody(() => c.req.parseBody());
    const file = raw.file;
    const content = file instanceof File && file.size > 0 ? await file.text() : text(raw.content);
    if (content.length > MAX_PASTED) throw new HttpError(413, "413");
    const reading = readUpload(content);
    const tr = c.get("t");
    const refuse = (message: string, status: 413 | 422 = 422) =>
      page(c, t, { posted: { form: "upload", values: { content }, message }, reading }, status);
    if (reading.errors > 0) return refuse(tr("stats.entered.upload.refused", { errors: reading.errors }));
    if (reading.values.length === 0) return refuse(tr("stats.entered.upload.empty"));
    if (reading.values.length > MAX_UPLOADED_VALUES)
      return refuse(
        tr("stats.entered.upload.tooMany", { count: reading.values.length, max: MAX_UPLOADED_VALUES }),
        413,
      );
    return save(c, t, reading.values, "upload");
  });
}

function mapped<T>(result: FormResult<T>, to: (data: T) => EnteredValue[]): FormResult<EnteredValue[]> {
  return result.ok ? { ok: true, data: to(result.data), values: result.values } : result;
}
