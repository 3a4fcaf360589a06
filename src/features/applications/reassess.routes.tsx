import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { HttpError } from "../../http/errors.js";
import { requirePerson } from "../../http/policy.js";
import { authorize } from "./applications.policy.js";
import { ReassessRequestSchema, StartSchema } from "./applications.schema.js";
import { reassessmentBoard, requestReassessments } from "./reassess.js";
import { startApplication } from "./workflows.js";
import { ReassessPage } from "./views/reassess.views.js";

const DAY = 86_400_000;

async function request(c: AppContext) {
  const person = authorize(c.get("person"), "reassessment.request");
  const form = await parseForm(c, ReassessRequestSchema);
  if (!form.ok) throw new HttpError(400, "400");
  const members = form.data.member ? [form.data.member] : null;
  const asked = await requestReassessments(c.get("deps"), members, { personId: person.id });
  await flash(c, {
    kind: "success",
    text: c.get("t").plural("applications.flash.reassess_requested", asked),
  });
  return c.redirect(href(c, "/charter/reassessments"), 303);
}

/** The collective's re-assessment board (guarded by reassessment.list at mount); asking is for platform admins. */
export function reassessmentBoardPages(): Hono<AppEnv> {
  const board = new Hono<AppEnv>();
  board.get("/", async (c) => {
    const deps = c.get("deps");
    const days = Math.round(deps.config.applications.reassessmentIntervalMs / DAY);
    return render(c, <ReassessPage c={c} board={await reassessmentBoard(deps)} intervalDays={days} />);
  });
  board.post("/request", request);
  return board;
}

/** A member structure re-assesses itself without waiting to be asked (guarded by requirePerson at mount). */
export function selfReassessment(): Hono<AppEnv> {
  const area = new Hono<AppEnv>();
  area.post("/start", async (c) => {
    const person = requirePerson(c);
    const form = await parseForm(c, StartSchema);
    if (!form.ok) throw new HttpError(400, "400");
    const m = person.memberships.find((x) => x.memberId === form.data.member);
    if (!m || m.role !== "admin" || m.membership !== "member") throw new HttpError(403, "403");
    const { id } = await startApplication(c.get("deps"), {
      memberId: m.memberId,
      personId: person.id,
      kind: "reassessment",
    });
    return c.redirect(href(c, `/applications/${id}`), 303);
  });
  return area;
}
