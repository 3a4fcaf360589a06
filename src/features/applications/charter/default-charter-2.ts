import type { DefaultPart } from "./default-charter.types.js";

/** Transparents, Ouverts, Neutres, Solidaires (see default-charter.ts: frozen data of migration 0401). */

export const PART_T: DefaultPart = {
  letter: "T",
  name: { fr: "Transparents", en: "Transparent" },
  intro: {
    fr: "Un chaton agit avec probité : ses conditions sont claires, accessibles, et ce qu'il fait des données se lit sur son site, pas seulement dans sa candidature.",
    en: "A chaton acts with probity: its terms are clear and accessible, and what it does with data can be read on its website, not only in its application.",
  },
  criteria: [
    {
      code: "T1",
      level: "required",
      title: {
        fr: "Des conditions d'utilisation publiées et claires",
        en: "Published, clear terms of use",
      },
      explanation: {
        fr: "Les CGU et les mentions légales sont accessibles depuis le site, lisibles, et ne contredisent pas la charte.",
        en: "The terms of use and the legal notice can be reached from the website, are readable, and do not contradict the charter.",
      },
      check: "legal-pages",
    },
    {
      code: "T2",
      level: "required",
      title: {
        fr: "Une politique de données personnelles",
        en: "A personal data policy",
      },
      explanation: {
        fr: "Une clause « données personnelles et vie privée » dit clairement ce qui est collecté, pourquoi et combien de temps.",
        en: 'A "personal data and privacy" clause says clearly what is collected, why and for how long.',
      },
    },
    {
      code: "T3",
      level: "required",
      title: {
        fr: "Des comptes ouverts sans discrimination",
        en: "Accounts open without discrimination",
      },
      explanation: {
        fr: "La gestion des comptes, gratuite ou payante, est ouverte et non discriminatoire, dans le respect de la loi.",
        en: "Account management, free or paid, is open and non-discriminatory, within the law.",
      },
    },
    {
      code: "T4",
      level: "required",
      title: { fr: "Des données récupérables", en: "Data that users can take back" },
      explanation: {
        fr: "Les utilisateur·ices peuvent récupérer leurs données, chiffrées ou non (sauf pour les services de transfert éphémère chiffré).",
        en: "Users can get their data back, encrypted or not (except ephemeral encrypted transfer services).",
      },
    },
    {
      code: "T5",
      level: "required",
      title: { fr: "Un modèle économique affiché", en: "A stated economic model" },
      explanation: {
        fr: "Une page facile à trouver explique comment la structure finance ses services. Dons, mécénat, parrainage et services payants sont permis.",
        en: "An easy-to-find page explains how the structure funds its services. Donations, patronage, sponsoring and paid services are all allowed.",
      },
    },
    {
      code: "T6",
      level: "recommended",
      title: {
        fr: "Sauvegardes, localisation et sous-traitants publiés",
        en: "Backups, data location and subcontractors published",
      },
      explanation: {
        fr: "Le site dit comment les données sont sauvegardées, où elles sont hébergées (sauvegardes comprises) et quels fournisseurs interviennent.",
        en: "The website says how data is backed up, where it is hosted (backups included) and which suppliers are involved.",
      },
    },
    {
      code: "T7",
      level: "recommended",
      title: { fr: "Une infrastructure documentée", en: "A documented infrastructure" },
      explanation: {
        fr: "L'infrastructure, le déploiement de chaque service et les procédures courantes (sauvegardes, statistiques, création de comptes) sont documentés, éventuellement en privé.",
        en: "The infrastructure, the deployment of each service and routine procedures (backups, statistics, account creation) are documented, possibly privately.",
      },
    },
    {
      code: "T8",
      level: "recommended",
      title: {
        fr: "Sécurité et conservation des journaux",
        en: "Security and log retention",
      },
      explanation: {
        fr: "Les pratiques de sécurité sont décrites, l'essentiel est accessible aux utilisateur·ices, et la durée de conservation des journaux est publiée.",
        en: "Security practices are written down, the essentials are available to users, and how long logs are kept is published.",
      },
    },
    {
      code: "T9",
      level: "recommended",
      title: {
        fr: "Des administrateur·ices engagé·es à la confidentialité",
        en: "Administrators committed to confidentiality",
      },
      explanation: {
        fr: "Les personnes ayant un accès administrateur, bénévoles ou salariées, s'engagent par écrit à la confidentialité et à la prudence.",
        en: "People with administrator access, volunteers or employees, commit in writing to confidentiality and caution.",
      },
    },
    {
      code: "T10",
      level: "recommended",
      title: {
        fr: "Un site en ligne, servi en HTTPS valide",
        en: "A website online, served over valid HTTPS",
      },
      explanation: {
        fr: "Les relecteur·ices vérifient que le site répond et que son certificat est valide.",
        en: "Reviewers check that the website answers and that its certificate is valid.",
      },
      check: "website-tls",
    },
    {
      code: "T11",
      level: "recommended",
      title: {
        fr: "Des fichiers ChatonsInfos publiés et valides",
        en: "Published, valid ChatonsInfos files",
      },
      explanation: {
        fr: "La structure décrit son organisation et ses services dans des fichiers ChatonsInfos, que les statistiques du collectif lisent.",
        en: "The structure describes its organisation and services in ChatonsInfos files, which the collective's statistics read.",
      },
      check: "chatonsinfos",
    },
    {
      code: "T12",
      level: "recommended",
      title: {
        fr: "Des services annoncés qui répondent",
        en: "Listed services that answer",
      },
      explanation: {
        fr: "Chaque service présenté dans l'annuaire est en ligne à l'adresse indiquée.",
        en: "Every service shown in the directory is online at the address given.",
      },
      check: "services-reachable",
    },
  ],
};

export const PART_O: DefaultPart = {
  letter: "O",
  name: { fr: "Ouverts", en: "Open" },
  intro: {
    fr: "Les logiciels libres et les formats ouverts sont les moyens par lesquels les membres offrent leurs services ; l'accès au code source est fondamental.",
    en: "Free software and open formats are the means by which members offer their services; access to the source code is fundamental.",
  },
  criteria: [
    {
      code: "O1",
      level: "required",
      title: {
        fr: "Uniquement des logiciels libres",
        en: "Free software only",
      },
      explanation: {
        fr: "Chaque service repose sur des logiciels sous licence libre. Exception possible quand aucune solution libre ne rend un service acceptable : elle est listée publiquement sur le site et laissée à l'appréciation du collectif.",
        en: "Every service runs on software under a free licence. An exception is possible when no free solution gives acceptable service: it is listed publicly on the website and left to the collective's judgement.",
      },
    },
    {
      code: "O2",
      level: "required",
      title: {
        fr: "Respecter les licences et donner accès au code",
        en: "Respect licences and give access to the code",
      },
      explanation: {
        fr: "Les licences sont mentionnées, et le code source est accessible par un lien vers le site officiel ou, à défaut, par la publication du code utilisé.",
        en: "Licences are named, and the source code can be reached through a link to the official site or, failing that, by publishing the code in use.",
      },
    },
    {
      code: "O3",
      level: "required",
      title: { fr: "Des formats ouverts", en: "Open formats" },
      explanation: {
        fr: "Au moins pour toutes les données remises aux utilisateur·ices.",
        en: "At least for all the data handed to users.",
      },
    },
    {
      code: "O4",
      level: "recommended",
      title: {
        fr: "Publier ses améliorations sous licence libre",
        en: "Publish improvements under a free licence",
      },
      explanation: {
        fr: "Les modifications apportées au code sont publiées sous une licence compatible, et les utilisateur·ices sont encouragé·es à contribuer auprès des auteur·ices.",
        en: "Changes made to the code are published under a compatible licence, and users are encouraged to contribute to the authors' projects.",
      },
    },
    {
      code: "O5",
      level: "recommended",
      title: { fr: "Des services reproductibles", en: "Reproducible services" },
      explanation: {
        fr: "Les serveurs fonctionnent avec des logiciels libres, si bien qu'un autre hébergeur peut reproduire le service sans développement supplémentaire.",
        en: "Servers run free software, so another hoster can reproduce the service without extra development.",
      },
    },
  ],
};

export const PART_N: DefaultPart = {
  letter: "N",
  name: { fr: "Neutres", en: "Neutral" },
  intro: {
    fr: "Un chaton ne trie pas ce qui passe par ses services, et le collectif ne juge pas les convictions de ses membres tant qu'elles restent dans la loi.",
    en: "A chaton does not sort what goes through its services, and the collective does not judge its members' convictions as long as they stay within the law.",
  },
  criteria: [
    {
      code: "N1",
      level: "required",
      title: { fr: "Aucune discrimination des données", en: "No discrimination of data" },
      explanation: {
        fr: "Pas d'examen du contenu, de la source ou de la destination de ce qui transite ; aucun protocole favorisé.",
        en: "No inspection of the content, source or destination of what transits; no protocol favoured.",
      },
    },
    {
      code: "N2",
      level: "required",
      title: { fr: "Aucune altération arbitraire", en: "No arbitrary alteration" },
      explanation: {
        fr: "Les contenus confiés ne sont pas modifiés arbitrairement.",
        en: "Content entrusted to the service is not changed arbitrarily.",
      },
    },
    {
      code: "N3",
      level: "recommended",
      title: { fr: "Neutralité politique", en: "Political neutrality" },
      explanation: {
        fr: "Les convictions des membres ne sont ni examinées ni sanctionnées tant qu'elles respectent la loi.",
        en: "Members' convictions are neither examined nor sanctioned as long as they respect the law.",
      },
    },
  ],
};

export const PART_S: DefaultPart = {
  letter: "S",
  name: { fr: "Solidaires", en: "Solidary" },
  intro: {
    fr: "Le collectif refuse l'entre-soi : ses membres s'entraident, contribuent aux logiciels qu'ils utilisent et font connaître l'hébergement libre.",
    en: "The collective refuses to keep to itself: its members help each other, contribute to the software they use and spread free hosting.",
  },
  criteria: [
    {
      code: "S1",
      level: "required",
      title: { fr: "Une activité dans le respect de la loi", en: "An activity within the law" },
      explanation: {
        fr: "L'activité, économique ou non, respecte strictement la loi du pays.",
        en: "The activity, economic or not, strictly respects the law of the country.",
      },
    },
    {
      code: "S2",
      level: "recommended",
      title: { fr: "Rencontrer ses utilisateur·ices", en: "Meet its users" },
      explanation: {
        fr: "Des rencontres régulières, en personne, pour réduire la fracture numérique.",
        en: "Regular meetings in person, to narrow the digital divide.",
      },
    },
    {
      code: "S3",
      level: "recommended",
      title: { fr: "S'entraider et contribuer", en: "Help each other and contribute" },
      explanation: {
        fr: "Aider les autres membres (forum, réunions) et contribuer aux logiciels libres utilisés.",
        en: "Help the other members (forum, meetings) and contribute to the free software in use.",
      },
    },
    {
      code: "S4",
      level: "recommended",
      title: { fr: "Essaimer", en: "Spread the practice" },
      explanation: {
        fr: "Faire connaître l'hébergement libre au public : formations, ateliers, stands, conférences, documents.",
        en: "Make free hosting known to the public: training, workshops, stalls, talks, leaflets.",
      },
    },
  ],
};
