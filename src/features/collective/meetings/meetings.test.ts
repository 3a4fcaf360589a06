import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService } from "../../../../tests/helpers/factories.js";
import { csrfFrom } from "../../../../tests/helpers/client.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { translator } from "../../../i18n/index.js";
import { giveTurn, makeDecision, memberPerson, signedIn } from "../test-helpers.js";
import { decisionRefs } from "./meetings.schema.js";
import { wholeDb } from "../../../db/adapter.js";

const fr = translator("fr");
let clock = new Date("2026-11-25T10:00:00.000Z");

describe("decision references in minutes", () => {
  it("takes page addresses and bare ids, and reports the rest", () => {
    const id = "0b6a1c52-6f7e-4b43-9a1d-2f0c9d1e8a77";
    expect(decisionRefs(`https://chatons.example/fr/decisions/${id}\n${id}, nonsense!`)).toEqual({
      ids: [id],
      invalid: ["nonsense!"],
    });
  });
});

describe("monthly meetings", () => {
  let t: TestPlatform;
  let admin: Awaited<ReturnType<typeof makePerson>>;
  let facilitator: Awaited<ReturnType<typeof memberPerson>>;
  let member: Awaited<ReturnType<typeof memberPerson>>;
  let videoId: string;
  let meetingId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ now: () => clock });
    admin = await makePerson(t.deps.db, { admin: true });
    facilitator = await memberPerson(t.deps.db, "Fanny Facilite");
    member = await memberPerson(t.deps.db, "Marc Membre");
    const host = await makeMember(t.deps.db, { name: "Chaton Visio" });
    videoId = (
      await makeService(t.deps.db, host.id, {
        name: "Visio du Chaton",
        category_id: "video-conferencing",
        url: "https://visio.chaton.example/",
      })
    ).id;
    await giveTurn(t.deps.db, "monthly-meeting", "2026-12-01", facilitator.id);
  });
  afterAll(async () => {
    await t.stop();
  });

  const fields = (over: Record<string, string> = {}) => ({
    title: "Réunion de décembre",
    date: "2026-12-03",
    time: "18:00",
    duration: "90",
    call_service: videoId,
    call_url: "",
    facilitator: "",
    note_taker: "",
    ...over,
  });

  it("lets coordinators plan a meeting on a member's video instance, the facilitator taken from the chores", async () => {
    expect((await t.client().post("/fr/meetings", fields())).status).toBe(403);
    const plain = await signedIn(t, member);
    const token = csrfFrom((await plain.get("/fr/meetings")).text, "/fr/logout") ?? "";
    expect((await plain.post("/fr/meetings", { ...fields(), _csrf: token })).status).toBe(403);
    expect((await plain.get("/fr/meetings/new")).status).toBe(403);
    const client = await signedIn(t, admin);
    const form = await client.get("/fr/meetings/new");
    expect(form.text).toContain("Visio du Chaton (Chaton Visio)");
    expect((await client.submit("/fr/meetings/new", "/fr/meetings", fields({ time: "25:00" }))).status).toBe(
      422,
    );
    const wrong = await client.submit(
      "/fr/meetings/new",
      "/fr/meetings",
      fields({ call_service: "not-a-service" }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('value="Réunion de décembre"');
    const res = await client.submit("/fr/meetings/new", "/fr/meetings", fields());
    expect(res.status).toBe(303);
    meetingId = res.location?.split("/").pop() ?? "";
    const stored = await wholeDb(t.deps.db)
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      starts_at: "2026-12-03T18:00:00.000Z",
      call_url: "https://visio.chaton.example/",
      call_service_id: videoId,
      facilitator_person_id: facilitator.id,
      note_taker_person_id: null,
    });
    const edit = await client.get(`/fr/meetings/${meetingId}/edit`);
    expect(edit.text).toContain(escapeHtml(fr("meetings.field.suggested", { name: "Fanny Facilite" })));
    const typed = await client.submit(`/fr/meetings/${meetingId}/edit`, `/fr/meetings/${meetingId}`, {
      ...fields({
        call_url: "https://call.example.org/room",
        note_taker: member.id,
        facilitator: facilitator.id,
      }),
    });
    expect(typed.status).toBe(303);
    const updated = await wholeDb(t.deps.db)
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    expect(updated).toMatchObject({
      call_url: "https://call.example.org/room",
      call_service_id: null,
      note_taker_person_id: member.id,
    });
  });

  it("shows the call link and who runs the meeting to the collective only", async () => {
    const list = await t.client().get("/fr/meetings");
    expect(list.status).toBe(200);
    expect(list.text).toContain("Réunion de décembre");
    const anonymous = await t.client().get(`/fr/meetings/${meetingId}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.text).not.toContain("call.example.org");
    expect(anonymous.text).not.toContain("Fanny Facilite");
    const inside = await (await signedIn(t, member)).get(`/fr/meetings/${meetingId}`);
    expect(inside.text).toContain("https://call.example.org/room");
    expect(inside.text).toContain("Fanny Facilite");
  });

  it("takes agenda items from the collective's people before the meeting", async () => {
    const path = `/fr/meetings/${meetingId}`;
    const agenda = `${path}/agenda`;
    expect((await t.client().post(agenda, { title: "x" })).status).toBe(403);
    const candidateOrg = await makeMember(t.deps.db, { membership: "candidate" });
    const candidate = await makePerson(t.deps.db, {
      memberships: [{ memberId: candidateOrg.id, role: "admin" }],
    });
    const outsider = await signedIn(t, candidate);
    const token = csrfFrom((await outsider.get(path)).text, "/fr/logout") ?? "";
    expect((await outsider.post(agenda, { _csrf: token, title: "Hors collectif" })).status).toBe(403);
    const client = await signedIn(t, member);
    expect((await client.submit(path, agenda, { title: "", details: "" })).status).toBe(422);
    expect(
      (await client.submit(path, agenda, { title: "Le camp d'été", details: "Dates et lieu" })).status,
    ).toBe(303);
    const items = await wholeDb(t.deps.db)
      .selectFrom("meeting_agenda_items")
      .selectAll()
      .where("meeting_id", "=", meetingId)
      .execute();
    expect(items).toMatchObject([
      { title: "Le camp d'été", details: "Dates et lieu", person_id: member.id, lang: "fr" },
    ]);
    expect((await t.client().get(path)).text).toContain("Le camp d&#39;été");
    // Written in English on the French page: kept and marked as English wherever it is read.
    expect(
      (await client.submit(path, agenda, { title: "Summer camp", details: "Where and when", lang: "en" }))
        .status,
    ).toBe(303);
    const german = await t.client().get(`/de/meetings/${meetingId}`);
    expect(german.text).toContain('<strong lang="en">Summer camp</strong>');
    expect(german.text).toContain('<strong lang="fr">Le camp d&#39;été</strong>');
    expect((await client.get(path)).text).toContain('<option value="fr" selected="">');
  });

  it("publishes sanitised minutes after the meeting, with the decisions of the vote linked", async () => {
    const path = `/fr/meetings/${meetingId}`;
    const minutes = `${path}/minutes`;
    const client = await signedIn(t, facilitator);
    const early = csrfFrom((await client.get(path)).text, "/fr/logout") ?? "";
    expect((await client.post(minutes, { _csrf: early, minutes: "Trop tôt", decisions: "" })).status).toBe(
      409,
    );
    clock = new Date("2026-12-03T20:00:00.000Z");
    const decision = await makeDecision(t.deps.db, {
      title: "Budget du camp",
      closesAt: "2026-12-02T12:00:00.000Z",
      status: "closed",
      outcome: "adopted",
    });
    const late = csrfFrom((await client.get(path)).text, "/fr/logout") ?? "";
    expect(
      (await client.post(`${path}/agenda`, { _csrf: late, title: "Trop tard", details: "" })).status,
    ).toBe(409);
    const other = await signedIn(t, await memberPerson(t.deps.db));
    const token = csrfFrom((await other.get(path)).text, "/fr/logout") ?? "";
    expect((await other.post(minutes, { _csrf: token, minutes: "x", decisions: "" })).status).toBe(403);
    const unknown = await client.submit(path, minutes, {
      minutes: "## Compte rendu",
      decisions: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.status).toBe(422);
    expect(unknown.text).toContain(escapeHtml(fr("meetings.error.decisions")));
    const text =
      '## Décisions\n\nLe budget est adopté.<script>alert(1)</script> [lien](javascript:alert(1)) <img src="https://tracker.example/x.png">';
    const res = await client.submit(path, minutes, {
      minutes: text,
      decisions: `${t.url}/fr/decisions/${decision}`,
    });
    expect(res.status).toBe(303);
    const page = await t.client().get(path);
    expect(page.text).toContain("<h2>Décisions</h2>");
    expect(page.text).not.toContain("<script>alert");
    expect(page.text).not.toContain('href="javascript:');
    expect(page.text).not.toContain('src="https://tracker.example');
    expect(page.text).toContain(`href="/fr/decisions/${decision}"`);
    expect(page.text).toContain("Budget du camp");
    expect(page.text).toContain(fr("applications.outcome.adopted"));
    const links = await wholeDb(t.deps.db).selectFrom("meeting_decisions").selectAll().execute();
    expect(links).toEqual([{ meeting_id: meetingId, decision_id: decision }]);
    const audit = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", meetingId)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "meeting.agenda",
      "meeting.agenda",
      "meeting.create",
      "meeting.minutes",
      "meeting.update",
    ]);
  });
});
