import { Hono } from "hono";
import { z } from "zod";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import {
  email,
  longText,
  optionalText,
  readForm,
  text,
  validate,
  type FieldErrors,
  type FormValues,
} from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { requirePerson } from "../../../http/policy.js";
import { HttpError } from "../../../http/errors.js";
import { clientKey } from "../../../http/client.js";
import * as limits from "../../../http/rate-limit.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { guard } from "../../../http/guard.js";
import { nowIso } from "../../../db/ids.js";
import type { MessageKey } from "../../../i18n/index.js";
import type { ThreadKind } from "../collective.tables.js";
import { contactDeskHolder, peopleByIds } from "../ports.js";
import * as repo from "./contact.repository.js";
import { notifyDesk, sendAnswer, tellCoordinators } from "./contact.mail.js";
import { ContactPage, DeskPage, HONEYPOT, MessagePage } from "./contact.views.js";

const HOUR = 3_600_000;
/** Accepted messages per visitor and per hour, and for everyone together (a flood from many addresses). */
export const PER_VISITOR = 5;
export const PER_HOUR = 60;

const required = (max: number) => longText(max).refine((v) => v.length > 0, "form.error.required");

const ContactSchema = z.object({
  name: optionalText(120),
  email: email(),
  subject: text(200),
  message: required(5000),
});

const StepSchema = z.object({ body: longText(5000), note: longText(2000) });

const DONE = {
  reply: "contact.done.reply",
  handover: "contact.done.handover",
  close: "contact.done.close",
} as const satisfies Record<ThreadKind, MessageKey>;

/** The desk: the person holding this week's "contact" turn, and the coordinators. */
async function requireDesk(c: AppContext) {
  const person = requirePerson(c);
  if (person.isPlatformAdmin) return person;
  const { db, now } = c.get("deps");
  const holder = await contactDeskHolder(db, now());
  if (holder?.id !== person.id) throw new HttpError(403, "403");
  return person;
}

async function loadMessage(c: AppContext) {
  const message = await repo.findMessage(c.get("deps").db, c.req.param("id") ?? "");
  if (!message) throw new HttpError(404, "404");
  return message;
}

async function showMessage(
  c: AppContext,
  message: repo.ContactMessage,
  errors?: FieldErrors,
  values?: FormValues,
) {
  const { db } = c.get("deps");
  const thread = await repo.threadOf(db, message.id);
  const people = await peopleByIds(
    db,
    thread.flatMap((s) => (s.personId ? [s.personId] : [])),
  );
  const names = new Map([...people].map(([id, p]) => [id, p.name]));
  return render(
    c,
    <MessagePage c={c} message={message} thread={thread} names={names} errors={errors} values={values} />,
    errors ? 422 : 200,
  );
}

/** Records a desk step (answer, hand-over, closing) with its audit entry, then mails what it must. */
function stepRoute(kind: ThreadKind, needsBody: boolean) {
  return async (c: AppContext) => {
    const person = await requireDesk(c);
    const message = await loadMessage(c);
    const form = validate(StepSchema, await readForm(c));
    const body = form.ok ? (kind === "handover" ? form.data.note : form.data.body) : "";
    if (needsBody && !body)
      return showMessage(c, message, { body: { key: "form.error.required" } }, form.values);
    return commitAndRedirect(c, {
      write: (trx) => repo.addStep(trx, message, { kind, personId: person.id, body }, nowIso()),
      audit: {
        actor: { personId: person.id },
        action: `contact.${kind}`,
        subject: { type: "contact_message", id: message.id },
      },
      after: async () => {
        if (kind === "reply") await sendAnswer(c, message, body);
        if (kind === "handover") await tellCoordinators(c, message, person, body);
      },
      flash: DONE[kind],
      to: href(c, kind === "reply" || kind === "handover" ? "/contact/desk" : `/contact/desk/${message.id}`),
    });
  };
}

export function contactPages(router: Hono<AppEnv>): void {
  router.get("/contact", (c) => render(c, <ContactPage c={c} sent={c.req.query("sent") === "1"} />));

  router.post("/contact", async (c) => {
    const { db, now } = c.get("deps");
    const visitor = `contact:${clientKey(c)}`;
    if (
      (await limits.count(db, visitor, HOUR, now())) >= PER_VISITOR ||
      (await limits.count(db, "contact:all", HOUR, now())) >= PER_HOUR
    )
      throw new HttpError(429, "429");
    const raw = await readForm(c);
    const sent = `${href(c, "/contact")}?sent=1`;
    const trap = raw[HONEYPOT];
    if (typeof trap === "string" && trap.trim() !== "") {
      // The same answer as a real message: nothing tells the robot it was caught.
      await limits.hit(db, visitor, HOUR, now());
      return c.redirect(sent, 303);
    }
    const form = validate(ContactSchema, raw);
    if (!form.ok) return render(c, <ContactPage c={c} values={form.values} errors={form.errors} />, 422);
    const d = form.data;
    const input = {
      name: d.name ?? "",
      email: d.email,
      subject: d.subject,
      body: d.message,
      locale: c.get("locale"),
    };
    return commitAndRedirect(c, {
      write: (trx) => repo.insertMessage(trx, input, nowIso()),
      audit: (id) => ({ actor: null, action: "contact.receive", subject: { type: "contact_message", id } }),
      after: async (id) => {
        await limits.hit(db, visitor, HOUR, now());
        await limits.hit(db, "contact:all", HOUR, now());
        await notifyDesk(c, id, input);
      },
      to: sent,
    });
  });

  const desk = new Hono<AppEnv>();
  desk.use(guard(requirePerson));
  desk.get("/", async (c) => {
    await requireDesk(c);
    const { db, now } = c.get("deps");
    const [messages, figures, holder] = await Promise.all([
      repo.listMessages(db),
      repo.deskFigures(db, now()),
      contactDeskHolder(db, now()),
    ]);
    return render(c, <DeskPage c={c} messages={messages} figures={figures} holder={holder?.name ?? null} />);
  });
  desk.get("/:id", async (c) => {
    await requireDesk(c);
    return showMessage(c, await loadMessage(c));
  });
  desk.post("/:id/reply", stepRoute("reply", true));
  desk.post("/:id/handover", stepRoute("handover", false));
  desk.post("/:id/close", stepRoute("close", false));
  router.route("/contact/desk", desk);
}
