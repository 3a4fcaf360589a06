import type { DefaultPart } from "./default-charter.types.js";

/** Collectif, Hébergeurs, Alternatifs (see default-charter.ts: frozen data of migration 0401). */

export const PART_C: DefaultPart = {
  letter: "C",
  name: { fr: "Collectif", en: "Collective", de: "Kollektiv" },
  intro: {
    fr: "Un chaton est une structure, quel que soit son statut (association, entreprise, coopérative, collectif informel, particulier), qui rejoint un collectif d'égaux et prend part à sa vie.",
    en: "A chaton is a structure of any legal form (association, company, cooperative, informal collective, individual) that joins a collective of equals and takes part in its life.",
    de: "Ein CHATON ist eine Struktur beliebiger Rechtsform (Verein, Unternehmen, Genossenschaft, informelles Kollektiv, Einzelperson), die einem Kollektiv von Gleichen beitritt und an seinem Leben teilnimmt.",
  },
  criteria: [
    {
      code: "C1",
      level: "required",
      title: {
        fr: "Se comporter avec respect et bienveillance",
        en: "Behave with respect and kindness",
        de: "Sich respektvoll und wohlwollend verhalten",
      },
      explanation: {
        fr: "Envers les autres membres du collectif comme envers les personnes qui utilisent ses services.",
        en: "Towards the other members of the collective as well as towards the people who use its services.",
        de: "Gegenüber den anderen Mitgliedern des Kollektivs ebenso wie gegenüber den Menschen, die seine Dienste nutzen.",
      },
    },
    {
      code: "C2",
      level: "required",
      title: {
        fr: "Donner au collectif un point de contact",
        en: "Give the collective a contact point",
        de: "Dem Kollektiv einen Kontaktpunkt geben",
      },
      explanation: {
        fr: "Une adresse qui répond, et au moins une personne inscrite aux espaces de discussion du collectif pour y rester joignable.",
        en: "An address that answers, and at least one person registered on the collective's discussion spaces to stay reachable there.",
        de: "Eine Adresse, die antwortet, und mindestens eine Person, die in den Diskussionsräumen des Kollektivs angemeldet ist, um dort erreichbar zu bleiben.",
      },
    },
    {
      code: "C3",
      level: "recommended",
      title: {
        fr: "Participer à la vie du collectif",
        en: "Take part in the collective's life",
        de: "Sich am Leben des Kollektivs beteiligen",
      },
      explanation: {
        fr: "Discussions du forum, réunions mensuelles, aide aux chatons en difficulté, propositions, relecture des candidatures, fiche et services tenus à jour.",
        en: "Forum discussions, monthly meetings, helping chatons in difficulty, proposals, reviewing applications, keeping its own listing and services up to date.",
        de: "Diskussionen im Forum, monatliche Treffen, Hilfe für Mitglieder in Schwierigkeiten, Vorschläge, Prüfung von Bewerbungen, ein aktuell gehaltener Eintrag und aktuelle Dienste.",
      },
    },
  ],
};

export const PART_H: DefaultPart = {
  letter: "H",
  name: { fr: "Hébergeurs", en: "Hosters", de: "Hoster" },
  intro: {
    fr: "Un hébergeur stocke ou fait transiter des données fournies ou produites par d'autres. Les utilisateur·ices sont les personnes qui peuvent créer ou modifier des données sur son infrastructure.",
    en: "A hoster stores data provided or produced by others, or lets it transit. Users are the people who can create or change data on its infrastructure.",
    de: "Ein Hoster speichert Daten, die andere bereitstellen oder erzeugen, oder leitet sie weiter. Nutzerinnen und Nutzer sind die Menschen, die auf seiner Infrastruktur Daten anlegen oder ändern können.",
  },
  criteria: [
    {
      code: "H1",
      level: "required",
      title: {
        fr: "Maîtriser les logiciels et les données de ses services",
        en: "Be in control of the software and data of its services",
        de: "Software und Daten der eigenen Dienste beherrschen",
      },
      explanation: {
        fr: "La structure administre elle-même ses services (accès administrateur à la machine ou à l'environnement qui les fait tourner).",
        en: "The structure runs its services itself (administrator access to the machine or to the environment running them).",
        de: "Die Struktur verwaltet ihre Dienste selbst (Administratorzugang zur Maschine oder zur Umgebung, auf der sie laufen).",
      },
    },
    {
      code: "H2",
      level: "required",
      title: {
        fr: "Dire clairement qui héberge le matériel",
        en: "Say clearly who hosts the hardware",
        de: "Klar sagen, wer die Hardware beherbergt",
      },
      explanation: {
        fr: "Le site indique sans ambiguïté le niveau de contrôle de la structure sur le matériel et nomme le fournisseur qui l'héberge.",
        en: "The website states unambiguously how much control the structure has over the hardware and names the provider hosting it.",
        de: "Die Website gibt unmissverständlich an, wie viel Kontrolle die Struktur über die Hardware hat, und nennt den Anbieter, der sie beherbergt.",
      },
    },
    {
      code: "H3",
      level: "required",
      title: {
        fr: "Pas de prestataire incompatible avec la charte",
        en: "No provider incompatible with the charter",
        de: "Kein Dienstleister, der mit der Charta unvereinbar ist",
      },
      explanation: {
        fr: "Aucun service qui touche les utilisateur·ices, directement ou non, ne repose sur un tiers dont les pratiques ou les conditions contredisent la charte.",
        en: "No service touching users, directly or not, relies on a third party whose practices or terms contradict the charter.",
        de: "Kein Dienst, der die Nutzerinnen und Nutzer direkt oder indirekt betrifft, stützt sich auf einen Dritten, dessen Praktiken oder Bedingungen der Charta widersprechen.",
      },
    },
    {
      code: "H4",
      level: "recommended",
      title: {
        fr: "Choisir un hébergeur respectueux de la neutralité du net",
        en: "Choose a host that respects net neutrality",
        de: "Einen Hoster wählen, der die Netzneutralität achtet",
      },
      explanation: {
        fr: "Éviter les acteurs réputés hostiles à la neutralité du net ; beaucoup de membres évitent aussi les fournisseurs et réseaux de diffusion (CDN) soumis au droit des États-Unis.",
        en: "Avoid actors known to work against net neutrality; many members also avoid providers and content delivery networks (CDNs) subject to United States law.",
        de: "Akteure meiden, die als Gegner der Netzneutralität bekannt sind; viele Mitglieder meiden auch Anbieter und Content-Delivery-Netze (CDN), die dem Recht der Vereinigten Staaten unterliegen.",
      },
    },
  ],
};

export const PART_A: DefaultPart = {
  letter: "A",
  name: { fr: "Alternatifs", en: "Alternative", de: "Alternativ" },
  intro: {
    fr: "En proposant des services en ligne fondés sur le logiciel libre, un chaton offre une alternative aux entreprises qui centralisent les services et exploitent les données personnelles.",
    en: "By offering online services built on free software, a chaton is an alternative to companies that centralise services and exploit personal data.",
    de: "Mit Online-Diensten auf Grundlage freier Software bietet ein CHATON eine Alternative zu den Unternehmen, die Dienste zentralisieren und personenbezogene Daten verwerten.",
  },
  criteria: [
    {
      code: "A1",
      level: "required",
      title: {
        fr: "Aucune publicité de régie",
        en: "No advertising networks",
        de: "Keine Werbung von Werbenetzwerken",
      },
      explanation: {
        fr: "Aucune publicité fournie par une régie publicitaire sur le site ni dans les services.",
        en: "No advertising supplied by an ad network on the website or in the services.",
        de: "Keine von einem Werbenetzwerk gelieferte Werbung, weder auf der Website noch in den Diensten.",
      },
    },
    {
      code: "A2",
      level: "required",
      title: { fr: "Aucun pistage", en: "No tracking", de: "Kein Tracking" },
      explanation: {
        fr: "L'activité des utilisateur·ices n'est suivie qu'à des fins statistiques ou légales, avec des outils libres ; leurs adresses ne servent qu'à l'administration technique. La page d'accueil ne doit charger aucun traqueur.",
        en: "Users' activity is followed only for statistics or legal duties, with free software tools; their addresses serve only technical administration. The home page must load no tracker.",
        de: "Die Aktivität der Nutzerinnen und Nutzer wird nur zu statistischen oder gesetzlichen Zwecken und mit freien Werkzeugen verfolgt; ihre Adressen dienen nur der technischen Verwaltung. Die Startseite darf keinen Tracker laden.",
      },
      check: "no-trackers",
    },
    {
      code: "A3",
      level: "required",
      title: {
        fr: "Aucune exploitation des données personnelles",
        en: "No exploitation of personal data",
        de: "Keine Verwertung personenbezogener Daten",
      },
      explanation: {
        fr: "Les données des utilisateur·ices ne sont ni vendues, ni transmises, ni exploitées.",
        en: "Users' data is neither sold, nor passed on, nor exploited.",
        de: "Die Daten der Nutzerinnen und Nutzer werden weder verkauft noch weitergegeben noch verwertet.",
      },
    },
    {
      code: "A4",
      level: "recommended",
      title: {
        fr: "Aucune ressource des géants du web",
        en: "No resources from the web giants",
        de: "Keine Ressourcen der Internetriesen",
      },
      explanation: {
        fr: "Le site et les services n'appellent pas de ressources externes de ces entreprises (polices Google, bibliothèques sur ajax.googleapis.com, Gravatar…), qui les informeraient de chaque visite.",
        en: "The website and services call no external resources from those companies (Google Fonts, libraries on ajax.googleapis.com, Gravatar…), which would tell them about every visit.",
        de: "Website und Dienste laden keine externen Ressourcen dieser Unternehmen (Google Fonts, Bibliotheken auf ajax.googleapis.com, Gravatar …), die sie über jeden Besuch informieren würden.",
      },
      check: "no-trackers",
    },
  ],
};
