import type { DefaultPart } from "./default-charter.types.js";

/** Collectif, Hébergeurs, Alternatifs (see default-charter.ts: frozen data of migration 0401). */

export const PART_C: DefaultPart = {
  letter: "C",
  name: { fr: "Collectif", en: "Collective" },
  intro: {
    fr: "Un chaton est une structure, quel que soit son statut (association, entreprise, coopérative, collectif informel, particulier), qui rejoint un collectif d'égaux et prend part à sa vie.",
    en: "A chaton is a structure of any legal form (association, company, cooperative, informal collective, individual) that joins a collective of equals and takes part in its life.",
  },
  criteria: [
    {
      code: "C1",
      level: "required",
      title: {
        fr: "Se comporter avec respect et bienveillance",
        en: "Behave with respect and kindness",
      },
      explanation: {
        fr: "Envers les autres membres du collectif comme envers les personnes qui utilisent ses services.",
        en: "Towards the other members of the collective as well as towards the people who use its services.",
      },
    },
    {
      code: "C2",
      level: "required",
      title: {
        fr: "Donner au collectif un point de contact",
        en: "Give the collective a contact point",
      },
      explanation: {
        fr: "Une adresse qui répond, et au moins une personne inscrite aux espaces de discussion du collectif pour y rester joignable.",
        en: "An address that answers, and at least one person registered on the collective's discussion spaces to stay reachable there.",
      },
    },
    {
      code: "C3",
      level: "recommended",
      title: {
        fr: "Participer à la vie du collectif",
        en: "Take part in the collective's life",
      },
      explanation: {
        fr: "Discussions du forum, réunions mensuelles, aide aux chatons en difficulté, propositions, relecture des candidatures, fiche et services tenus à jour.",
        en: "Forum discussions, monthly meetings, helping chatons in difficulty, proposals, reviewing applications, keeping its own listing and services up to date.",
      },
    },
  ],
};

export const PART_H: DefaultPart = {
  letter: "H",
  name: { fr: "Hébergeurs", en: "Hosters" },
  intro: {
    fr: "Un hébergeur stocke ou fait transiter des données fournies ou produites par d'autres. Les utilisateur·ices sont les personnes qui peuvent créer ou modifier des données sur son infrastructure.",
    en: "A hoster stores data provided or produced by others, or lets it transit. Users are the people who can create or change data on its infrastructure.",
  },
  criteria: [
    {
      code: "H1",
      level: "required",
      title: {
        fr: "Maîtriser les logiciels et les données de ses services",
        en: "Be in control of the software and data of its services",
      },
      explanation: {
        fr: "La structure administre elle-même ses services (accès administrateur à la machine ou à l'environnement qui les fait tourner).",
        en: "The structure runs its services itself (administrator access to the machine or to the environment running them).",
      },
    },
    {
      code: "H2",
      level: "required",
      title: {
        fr: "Dire clairement qui héberge le matériel",
        en: "Say clearly who hosts the hardware",
      },
      explanation: {
        fr: "Le site indique sans ambiguïté le niveau de contrôle de la structure sur le matériel et nomme le fournisseur qui l'héberge.",
        en: "The website states unambiguously how much control the structure has over the hardware and names the provider hosting it.",
      },
    },
    {
      code: "H3",
      level: "required",
      title: {
        fr: "Pas de prestataire incompatible avec la charte",
        en: "No provider incompatible with the charter",
      },
      explanation: {
        fr: "Aucun service qui touche les utilisateur·ices, directement ou non, ne repose sur un tiers dont les pratiques ou les conditions contredisent la charte.",
        en: "No service touching users, directly or not, relies on a third party whose practices or terms contradict the charter.",
      },
    },
    {
      code: "H4",
      level: "recommended",
      title: {
        fr: "Choisir un hébergeur respectueux de la neutralité du net",
        en: "Choose a host that respects net neutrality",
      },
      explanation: {
        fr: "Éviter les acteurs réputés hostiles à la neutralité du net ; beaucoup de membres évitent aussi les fournisseurs et réseaux de diffusion (CDN) soumis au droit des États-Unis.",
        en: "Avoid actors known to work against net neutrality; many members also avoid providers and content delivery networks (CDNs) subject to United States law.",
      },
    },
  ],
};

export const PART_A: DefaultPart = {
  letter: "A",
  name: { fr: "Alternatifs", en: "Alternative" },
  intro: {
    fr: "En proposant des services en ligne fondés sur le logiciel libre, un chaton offre une alternative aux entreprises qui centralisent les services et exploitent les données personnelles.",
    en: "By offering online services built on free software, a chaton is an alternative to companies that centralise services and exploit personal data.",
  },
  criteria: [
    {
      code: "A1",
      level: "required",
      title: { fr: "Aucune publicité de régie", en: "No advertising networks" },
      explanation: {
        fr: "Aucune publicité fournie par une régie publicitaire sur le site ni dans les services.",
        en: "No advertising supplied by an ad network on the website or in the services.",
      },
    },
    {
      code: "A2",
      level: "required",
      title: { fr: "Aucun pistage", en: "No tracking" },
      explanation: {
        fr: "L'activité des utilisateur·ices n'est suivie qu'à des fins statistiques ou légales, avec des outils libres ; leurs adresses ne servent qu'à l'administration technique. La page d'accueil ne doit charger aucun traqueur.",
        en: "Users' activity is followed only for statistics or legal duties, with free software tools; their addresses serve only technical administration. The home page must load no tracker.",
      },
      check: "no-trackers",
    },
    {
      code: "A3",
      level: "required",
      title: {
        fr: "Aucune exploitation des données personnelles",
        en: "No exploitation of personal data",
      },
      explanation: {
        fr: "Les données des utilisateur·ices ne sont ni vendues, ni transmises, ni exploitées.",
        en: "Users' data is neither sold, nor passed on, nor exploited.",
      },
    },
    {
      code: "A4",
      level: "recommended",
      title: {
        fr: "Aucune ressource des géants du web",
        en: "No resources from the web giants",
      },
      explanation: {
        fr: "Le site et les services n'appellent pas de ressources externes de ces entreprises (polices Google, bibliothèques sur ajax.googleapis.com, Gravatar…), qui les informeraient de chaque visite.",
        en: "The website and services call no external resources from those companies (Google Fonts, libraries on ajax.googleapis.com, Gravatar…), which would tell them about every visit.",
      },
      check: "no-trackers",
    },
  ],
};
