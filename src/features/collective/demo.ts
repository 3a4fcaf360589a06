import type { Deps } from "../../deps.js";
import type { DemoWorld } from "../../demo/world.js";
import { collectivePeople, collectiveSchedule, coordinators, meetingChoreHolder } from "./ports.js";
import * as contact from "./contact/contact.repository.js";
import * as meetings from "./meetings/meetings.repository.js";
import * as news from "./news/news.repository.js";
import { importNewsFromAudit } from "./news/news.import.js";
import * as mediation from "./mediation/mediation.repository.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const MESSAGES = [
  {
    name: "Fanfare des Pentes",
    email: "fanfare@example.org",
    subject: "Quel chaton pour notre fanfare ?",
    body: "Bonjour,\nNous sommes une fanfare de 30 musiciens et cherchons un agenda partagé et un espace pour nos partitions. Par où commencer ?",
    hoursAgo: 3,
  },
  {
    name: "",
    email: "parent.eleve@example.org",
    subject: "Visio pour l'école",
    body: "Bonjour, l'école de mon fils cherche une solution de visioconférence sans compte. Pouvez-vous nous orienter ?",
    hoursAgo: 20,
  },
  {
    name: "Mairie de Saint-Exemple",
    email: "numerique@saint-exemple.example.org",
    subject: "Partenariat avec une collectivité",
    body: "Bonjour,\nNotre commune souhaite proposer des services libres à ses associations. Le collectif peut-il nous mettre en relation avec des membres proches ?",
    hoursAgo: 50,
  },
  {
    name: "Camille",
    email: "camille@example.org",
    subject: "Merci !",
    body: "Juste un mot pour vous remercier pour le portail d'entraide, nous l'utilisons chaque semaine.",
    hoursAgo: 120,
  },
] as const;

const MINUTES = `## Présent·es

Une quinzaine de personnes, pour douze structures membres.

## Points abordés

1. **Candidatures de la portée en cours** : trois dossiers sont déposés ; des relecteurs se proposent pour chacun.
2. **Tâches du collectif** : la réponse à l'adresse de contact se fait désormais à tour de rôle depuis la plateforme.
3. **Camp CHATONS** : un groupe de travail prépare le lieu et les dates.

## Décisions

- Le vote de la portée ouvrira à la date prévue ; voir la décision liée ci-dessous.

Prochaine réunion : le mois prochain, même heure.
`;

const POSTS = [
  {
    title: "Le collectif a désormais un guichet de contact partagé",
    body: "Les messages envoyés par le [formulaire de contact](/fr/contact) arrivent sur la plateforme ; la personne de permanence cette semaine y répond, et peut passer la main aux coordinateur·ices.\n\nMerci à toutes celles et ceux qui prennent un tour !",
    daysAgo: 12,
  },
  {
    title: "Compte rendu de la réunion mensuelle",
    body: "Le compte rendu de la dernière réunion est en ligne, avec les décisions du vote qui y sont liées. Les points pour la prochaine réunion peuvent être proposés dès maintenant sur sa page.",
    daysAgo: 18,
  },
  {
    title: "Un code de conduite et une équipe de médiation",
    body: "Le collectif s'est doté d'un [code de conduite](/fr/code-of-conduct). En cas de souci, un formulaire confidentiel permet de s'adresser à l'équipe de médiation, seule à lire les signalements.",
    daysAgo: 40,
  },
] as const;

/**
 * The demo's collective life: messages at the contact desk (one answered, one handed to the
 * coordinators), a past meeting with its agenda, minutes and a decision, the next one with its
 * agenda, a few news items plus those the audit log gives, and a mediation team member.
 */
export async function seedCollectiveDemo(deps: Deps, world: DemoWorld): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const people = await collectivePeople(db);
  const [admin] = await coordinators(db);
  const pick = () => people[Math.floor(world.random() * people.length)];
  const desk = pick();

  for (const [i, m] of MESSAGES.entries()) {
    const id = await contact.insertMessage(db, { ...m, locale: "fr" }, ago(m.hoursAgo * HOUR));
    const message = await contact.findMessage(db, id);
    if (!message || !desk) continue;
    if (i === 2 && admin)
      await contact.addStep(
        db,
        message,
        {
          kind: "handover",
          personId: desk.id,
          body: "Une demande de collectivité : à voir par la coordination.",
        },
        ago((m.hoursAgo - 4) * HOUR),
      );
    if (i === 3)
      await contact.addStep(
        db,
        message,
        {
          kind: "reply",
          personId: desk.id,
          body: "Merci beaucoup pour votre message, il fait plaisir à tout le collectif !",
        },
        ago((m.hoursAgo - 6) * HOUR),
      );
  }

  const video = world.members
    .flatMap((member) => member.services)
    .find((s) => s.categoryId === "video-conferencing");
  const at18 = (d: Date) =>
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 18)).toISOString();
  const pastStart = at18(new Date(now.getTime() - 20 * DAY));
  const nextStart = at18(new Date(now.getTime() + 10 * DAY));
  const base = {
    durationMinutes: 90,
    callUrl: video?.url ?? null,
    callServiceId: video?.id ?? null,
    lang: "fr" as const,
  };
  const past = await meetings.insertMeeting(
    db,
    {
      ...base,
      title: "Réunion mensuelle",
      startsAt: pastStart,
      facilitatorId: pick()?.id ?? null,
      noteTakerId: pick()?.id ?? null,
    },
    admin?.id ?? null,
    ago(35 * DAY),
  );
  for (const title of [
    "Point sur la portée en cours",
    "Organisation des tâches du collectif",
    "Camp CHATONS",
  ])
    await meetings.addAgendaItem(
      db,
      past,
      { personId: pick()?.id ?? null, title, details: "", lang: "fr" },
      ago(25 * DAY),
    );
  const { decisions } = await collectiveSchedule(db, { from: ago(400 * DAY), to: now.toISOString() });
  const linked = decisions
    .filter((d) => d.status === "closed")
    .slice(-1)
    .map((d) => d.id);
  await meetings.publishMinutes(db, past, { text: MINUTES, lang: "fr" }, linked, ago(18 * DAY));
  const facilitator = (await meetingChoreHolder(db, new Date(nextStart))) ?? pick()?.id ?? null;
  const next = await meetings.insertMeeting(
    db,
    {
      ...base,
      title: "Réunion mensuelle",
      startsAt: nextStart,
      facilitatorId: facilitator,
      noteTakerId: pick()?.id ?? null,
    },
    admin?.id ?? null,
    ago(5 * DAY),
  );
  for (const title of ["Accueil des nouveaux membres", "Relecture des candidatures"])
    await meetings.addAgendaItem(
      db,
      next,
      { personId: pick()?.id ?? null, title, details: "", lang: "fr" },
      ago(2 * DAY),
    );
  // Proposed in English by a member from abroad: shown as written, marked as English.
  await meetings.addAgendaItem(
    db,
    next,
    {
      // Not drawn at random: the demo's other draws stay as they were.
      personId: people[0]?.id ?? null,
      title: "Sharing our moderation guidelines with the Belgian collective",
      details: "They asked whether they may translate and reuse them.",
      lang: "en",
    },
    ago(DAY),
  );

  for (const post of POSTS)
    await news.insertPost(
      db,
      { title: post.title, body: post.body, lang: "fr", by: admin?.id ?? null },
      ago(post.daysAgo * DAY),
    );
  await importNewsFromAudit(db, now);

  const mediator = people.at(-1);
  if (mediator) {
    await mediation.addToTeam(db, mediator.id, admin?.id ?? null, ago(60 * DAY));
    const { id } = await mediation.insertReport(
      db,
      {
        reporterPersonId: null,
        reporterName: "",
        reporterEmail: null,
        locale: "fr",
        what: "Des messages répétés et moqueurs sur le salon de discussion envers une nouvelle personne.",
        who: "",
        whereWhen: "Salon Matrix, la semaine dernière",
      },
      ago(6 * DAY),
    );
    const report = await mediation.findReport(db, id);
    if (report)
      await mediation.addMessage(
        db,
        report,
        {
          author: "team",
          personId: mediator.id,
          body: "Merci de nous avoir écrit. Nous prenons contact avec les personnes concernées.",
        },
        ago(5 * DAY),
      );
  }
}
