import type { DefaultPart } from "./default-charter.types.js";

/** Transparents, Ouverts, Neutres, Solidaires (see default-charter.ts: frozen data of migration 0401). */

export const PART_T: DefaultPart = {
  letter: "T",
  name: { fr: "Transparents", en: "Transparent", de: "Transparent" },
  intro: {
    fr: "Un chaton agit avec probité : ses conditions sont claires, accessibles, et ce qu'il fait des données se lit sur son site, pas seulement dans sa candidature.",
    en: "A chaton acts with probity: its terms are clear and accessible, and what it does with data can be read on its website, not only in its application.",
    de: "Ein CHATON handelt redlich: Seine Bedingungen sind klar und zugänglich, und was er mit den Daten macht, steht auf seiner Website, nicht nur in seiner Bewerbung.",
  },
  criteria: [
    {
      code: "T1",
      level: "required",
      title: {
        fr: "Des conditions d'utilisation publiées et claires",
        en: "Published, clear terms of use",
        de: "Veröffentlichte, klare Nutzungsbedingungen",
      },
      explanation: {
        fr: "Les CGU et les mentions légales sont accessibles depuis le site, lisibles, et ne contredisent pas la charte.",
        en: "The terms of use and the legal notice can be reached from the website, are readable, and do not contradict the charter.",
        de: "Nutzungsbedingungen und Impressum sind von der Website aus erreichbar, lesbar und widersprechen der Charta nicht.",
      },
      check: "legal-pages",
    },
    {
      code: "T2",
      level: "required",
      title: {
        fr: "Une politique de données personnelles",
        en: "A personal data policy",
        de: "Eine Datenschutzerklärung",
      },
      explanation: {
        fr: "Une clause « données personnelles et vie privée » dit clairement ce qui est collecté, pourquoi et combien de temps.",
        en: 'A "personal data and privacy" clause says clearly what is collected, why and for how long.',
        de: "Ein Abschnitt „Personenbezogene Daten und Privatsphäre“ sagt klar, was erhoben wird, warum und wie lange.",
      },
    },
    {
      code: "T3",
      level: "required",
      title: {
        fr: "Des comptes ouverts sans discrimination",
        en: "Accounts open without discrimination",
        de: "Konten ohne Diskriminierung",
      },
      explanation: {
        fr: "La gestion des comptes, gratuite ou payante, est ouverte et non discriminatoire, dans le respect de la loi.",
        en: "Account management, free or paid, is open and non-discriminatory, within the law.",
        de: "Die Vergabe von Konten, kostenlos oder kostenpflichtig, ist offen und diskriminierungsfrei, im Rahmen des Gesetzes.",
      },
    },
    {
      code: "T4",
      level: "required",
      title: {
        fr: "Des données récupérables",
        en: "Data that users can take back",
        de: "Daten, die man zurückbekommt",
      },
      explanation: {
        fr: "Les utilisateur·ices peuvent récupérer leurs données, chiffrées ou non (sauf pour les services de transfert éphémère chiffré).",
        en: "Users can get their data back, encrypted or not (except ephemeral encrypted transfer services).",
        de: "Nutzerinnen und Nutzer können ihre Daten zurückbekommen, verschlüsselt oder nicht (außer bei Diensten für flüchtige verschlüsselte Übertragung).",
      },
    },
    {
      code: "T5",
      level: "required",
      title: {
        fr: "Un modèle économique affiché",
        en: "A stated economic model",
        de: "Ein offengelegtes Wirtschaftsmodell",
      },
      explanation: {
        fr: "Une page facile à trouver explique comment la structure finance ses services. Dons, mécénat, parrainage et services payants sont permis.",
        en: "An easy-to-find page explains how the structure funds its services. Donations, patronage, sponsoring and paid services are all allowed.",
        de: "Eine leicht auffindbare Seite erklärt, wie die Struktur ihre Dienste finanziert. Spenden, Mäzenatentum, Sponsoring und kostenpflichtige Dienste sind erlaubt.",
      },
    },
    {
      code: "T6",
      level: "recommended",
      title: {
        fr: "Sauvegardes, localisation et sous-traitants publiés",
        en: "Backups, data location and subcontractors published",
        de: "Datensicherungen, Standort und Auftragsverarbeiter veröffentlicht",
      },
      explanation: {
        fr: "Le site dit comment les données sont sauvegardées, où elles sont hébergées (sauvegardes comprises) et quels fournisseurs interviennent.",
        en: "The website says how data is backed up, where it is hosted (backups included) and which suppliers are involved.",
        de: "Die Website sagt, wie die Daten gesichert werden, wo sie gehostet sind (Sicherungen eingeschlossen) und welche Anbieter beteiligt sind.",
      },
    },
    {
      code: "T7",
      level: "recommended",
      title: {
        fr: "Une infrastructure documentée",
        en: "A documented infrastructure",
        de: "Eine dokumentierte Infrastruktur",
      },
      explanation: {
        fr: "L'infrastructure, le déploiement de chaque service et les procédures courantes (sauvegardes, statistiques, création de comptes) sont documentés, éventuellement en privé.",
        en: "The infrastructure, the deployment of each service and routine procedures (backups, statistics, account creation) are documented, possibly privately.",
        de: "Die Infrastruktur, die Bereitstellung jedes Dienstes und die üblichen Abläufe (Sicherungen, Statistiken, Anlegen von Konten) sind dokumentiert, gegebenenfalls nicht öffentlich.",
      },
    },
    {
      code: "T8",
      level: "recommended",
      title: {
        fr: "Sécurité et conservation des journaux",
        en: "Security and log retention",
        de: "Sicherheit und Aufbewahrung der Protokolle",
      },
      explanation: {
        fr: "Les pratiques de sécurité sont décrites, l'essentiel est accessible aux utilisateur·ices, et la durée de conservation des journaux est publiée.",
        en: "Security practices are written down, the essentials are available to users, and how long logs are kept is published.",
        de: "Die Sicherheitspraktiken sind beschrieben, das Wesentliche ist für die Nutzerinnen und Nutzer zugänglich, und die Aufbewahrungsdauer der Protokolle ist veröffentlicht.",
      },
    },
    {
      code: "T9",
      level: "recommended",
      title: {
        fr: "Des administrateur·ices engagé·es à la confidentialité",
        en: "Administrators committed to confidentiality",
        de: "Zur Vertraulichkeit verpflichtete Administrator·innen",
      },
      explanation: {
        fr: "Les personnes ayant un accès administrateur, bénévoles ou salariées, s'engagent par écrit à la confidentialité et à la prudence.",
        en: "People with administrator access, volunteers or employees, commit in writing to confidentiality and caution.",
        de: "Personen mit Administratorzugang, ehrenamtlich oder angestellt, verpflichten sich schriftlich zu Vertraulichkeit und Sorgfalt.",
      },
    },
    {
      code: "T10",
      level: "recommended",
      title: {
        fr: "Un site en ligne, servi en HTTPS valide",
        en: "A website online, served over valid HTTPS",
        de: "Eine erreichbare Website mit gültigem HTTPS",
      },
      explanation: {
        fr: "Les relecteur·ices vérifient que le site répond et que son certificat est valide.",
        en: "Reviewers check that the website answers and that its certificate is valid.",
        de: "Die Prüfenden kontrollieren, dass die Website antwortet und ihr Zertifikat gültig ist.",
      },
      check: "website-tls",
    },
    {
      code: "T11",
      level: "recommended",
      title: {
        fr: "Des fichiers ChatonsInfos publiés et valides",
        en: "Published, valid ChatonsInfos files",
        de: "Veröffentlichte, gültige ChatonsInfos-Dateien",
      },
      explanation: {
        fr: "La structure décrit son organisation et ses services dans des fichiers ChatonsInfos, que les statistiques du collectif lisent.",
        en: "The structure describes its organisation and services in ChatonsInfos files, which the collective's statistics read.",
        de: "Die Struktur beschreibt ihre Organisation und ihre Dienste in ChatonsInfos-Dateien, die die Statistiken des Kollektivs auslesen.",
      },
      check: "chatonsinfos",
    },
    {
      code: "T12",
      level: "recommended",
      title: {
        fr: "Des services annoncés qui répondent",
        en: "Listed services that answer",
        de: "Angegebene Dienste, die antworten",
      },
      explanation: {
        fr: "Chaque service présenté dans l'annuaire est en ligne à l'adresse indiquée.",
        en: "Every service shown in the directory is online at the address given.",
        de: "Jeder im Verzeichnis aufgeführte Dienst ist unter der angegebenen Adresse erreichbar.",
      },
      check: "services-reachable",
    },
  ],
};

export const PART_O: DefaultPart = {
  letter: "O",
  name: { fr: "Ouverts", en: "Open", de: "Offen" },
  intro: {
    fr: "Les logiciels libres et les formats ouverts sont les moyens par lesquels les membres offrent leurs services ; l'accès au code source est fondamental.",
    en: "Free software and open formats are the means by which members offer their services; access to the source code is fundamental.",
    de: "Freie Software und offene Formate sind die Mittel, mit denen die Mitglieder ihre Dienste anbieten; der Zugang zum Quellcode ist grundlegend.",
  },
  criteria: [
    {
      code: "O1",
      level: "required",
      title: {
        fr: "Uniquement des logiciels libres",
        en: "Free software only",
        de: "Ausschließlich freie Software",
      },
      explanation: {
        fr: "Chaque service repose sur des logiciels sous licence libre. Exception possible quand aucune solution libre ne rend un service acceptable : elle est listée publiquement sur le site et laissée à l'appréciation du collectif.",
        en: "Every service runs on software under a free licence. An exception is possible when no free solution gives acceptable service: it is listed publicly on the website and left to the collective's judgement.",
        de: "Jeder Dienst beruht auf Software unter freier Lizenz. Eine Ausnahme ist möglich, wenn keine freie Lösung einen brauchbaren Dienst leistet: Sie wird öffentlich auf der Website aufgeführt und dem Urteil des Kollektivs überlassen.",
      },
    },
    {
      code: "O2",
      level: "required",
      title: {
        fr: "Respecter les licences et donner accès au code",
        en: "Respect licences and give access to the code",
        de: "Lizenzen achten und Zugang zum Code geben",
      },
      explanation: {
        fr: "Les licences sont mentionnées, et le code source est accessible par un lien vers le site officiel ou, à défaut, par la publication du code utilisé.",
        en: "Licences are named, and the source code can be reached through a link to the official site or, failing that, by publishing the code in use.",
        de: "Die Lizenzen werden genannt, und der Quellcode ist über einen Link zur offiziellen Website erreichbar oder, falls es keine gibt, durch die Veröffentlichung des verwendeten Codes.",
      },
    },
    {
      code: "O3",
      level: "required",
      title: { fr: "Des formats ouverts", en: "Open formats", de: "Offene Formate" },
      explanation: {
        fr: "Au moins pour toutes les données remises aux utilisateur·ices.",
        en: "At least for all the data handed to users.",
        de: "Zumindest für alle Daten, die die Nutzerinnen und Nutzer zurückerhalten.",
      },
    },
    {
      code: "O4",
      level: "recommended",
      title: {
        fr: "Publier ses améliorations sous licence libre",
        en: "Publish improvements under a free licence",
        de: "Eigene Verbesserungen unter freier Lizenz veröffentlichen",
      },
      explanation: {
        fr: "Les modifications apportées au code sont publiées sous une licence compatible, et les utilisateur·ices sont encouragé·es à contribuer auprès des auteur·ices.",
        en: "Changes made to the code are published under a compatible licence, and users are encouraged to contribute to the authors' projects.",
        de: "Änderungen am Code werden unter einer kompatiblen Lizenz veröffentlicht, und die Nutzerinnen und Nutzer werden ermutigt, zu den Projekten der Urheber·innen beizutragen.",
      },
    },
    {
      code: "O5",
      level: "recommended",
      title: { fr: "Des services reproductibles", en: "Reproducible services", de: "Nachbaubare Dienste" },
      explanation: {
        fr: "Les serveurs fonctionnent avec des logiciels libres, si bien qu'un autre hébergeur peut reproduire le service sans développement supplémentaire.",
        en: "Servers run free software, so another hoster can reproduce the service without extra development.",
        de: "Die Server laufen mit freier Software, sodass ein anderer Hoster den Dienst ohne zusätzliche Entwicklung nachbauen kann.",
      },
    },
  ],
};

export const PART_N: DefaultPart = {
  letter: "N",
  name: { fr: "Neutres", en: "Neutral", de: "Neutral" },
  intro: {
    fr: "Un chaton ne trie pas ce qui passe par ses services, et le collectif ne juge pas les convictions de ses membres tant qu'elles restent dans la loi.",
    en: "A chaton does not sort what goes through its services, and the collective does not judge its members' convictions as long as they stay within the law.",
    de: "Ein CHATON sortiert nicht, was durch seine Dienste fließt, und das Kollektiv beurteilt die Überzeugungen seiner Mitglieder nicht, solange sie im Rahmen des Gesetzes bleiben.",
  },
  criteria: [
    {
      code: "N1",
      level: "required",
      title: {
        fr: "Aucune discrimination des données",
        en: "No discrimination of data",
        de: "Keine Diskriminierung von Daten",
      },
      explanation: {
        fr: "Pas d'examen du contenu, de la source ou de la destination de ce qui transite ; aucun protocole favorisé.",
        en: "No inspection of the content, source or destination of what transits; no protocol favoured.",
        de: "Keine Prüfung von Inhalt, Quelle oder Ziel dessen, was durchläuft; kein bevorzugtes Protokoll.",
      },
    },
    {
      code: "N2",
      level: "required",
      title: {
        fr: "Aucune altération arbitraire",
        en: "No arbitrary alteration",
        de: "Keine willkürliche Veränderung",
      },
      explanation: {
        fr: "Les contenus confiés ne sont pas modifiés arbitrairement.",
        en: "Content entrusted to the service is not changed arbitrarily.",
        de: "Anvertraute Inhalte werden nicht willkürlich verändert.",
      },
    },
    {
      code: "N3",
      level: "recommended",
      title: { fr: "Neutralité politique", en: "Political neutrality", de: "Politische Neutralität" },
      explanation: {
        fr: "Les convictions des membres ne sont ni examinées ni sanctionnées tant qu'elles respectent la loi.",
        en: "Members' convictions are neither examined nor sanctioned as long as they respect the law.",
        de: "Die Überzeugungen der Mitglieder werden weder geprüft noch sanktioniert, solange sie das Gesetz achten.",
      },
    },
  ],
};

export const PART_S: DefaultPart = {
  letter: "S",
  name: { fr: "Solidaires", en: "Solidary", de: "Solidarisch" },
  intro: {
    fr: "Le collectif refuse l'entre-soi : ses membres s'entraident, contribuent aux logiciels qu'ils utilisent et font connaître l'hébergement libre.",
    en: "The collective refuses to keep to itself: its members help each other, contribute to the software they use and spread free hosting.",
    de: "Das Kollektiv lehnt es ab, unter sich zu bleiben: Seine Mitglieder helfen einander, tragen zu der Software bei, die sie nutzen, und machen freies Hosting bekannt.",
  },
  criteria: [
    {
      code: "S1",
      level: "required",
      title: {
        fr: "Une activité dans le respect de la loi",
        en: "An activity within the law",
        de: "Eine Tätigkeit im Rahmen des Gesetzes",
      },
      explanation: {
        fr: "L'activité, économique ou non, respecte strictement la loi du pays.",
        en: "The activity, economic or not, strictly respects the law of the country.",
        de: "Die Tätigkeit, wirtschaftlich oder nicht, hält sich streng an das Gesetz des Landes.",
      },
    },
    {
      code: "S2",
      level: "recommended",
      title: {
        fr: "Rencontrer ses utilisateur·ices",
        en: "Meet its users",
        de: "Die eigenen Nutzerinnen und Nutzer treffen",
      },
      explanation: {
        fr: "Des rencontres régulières, en personne, pour réduire la fracture numérique.",
        en: "Regular meetings in person, to narrow the digital divide.",
        de: "Regelmäßige persönliche Treffen, um die digitale Kluft zu verringern.",
      },
    },
    {
      code: "S3",
      level: "recommended",
      title: {
        fr: "S'entraider et contribuer",
        en: "Help each other and contribute",
        de: "Einander helfen und beitragen",
      },
      explanation: {
        fr: "Aider les autres membres (forum, réunions) et contribuer aux logiciels libres utilisés.",
        en: "Help the other members (forum, meetings) and contribute to the free software in use.",
        de: "Den anderen Mitgliedern helfen (Forum, Treffen) und zu der verwendeten freien Software beitragen.",
      },
    },
    {
      code: "S4",
      level: "recommended",
      title: { fr: "Essaimer", en: "Spread the practice", de: "Verbreiten" },
      explanation: {
        fr: "Faire connaître l'hébergement libre au public : formations, ateliers, stands, conférences, documents.",
        en: "Make free hosting known to the public: training, workshops, stalls, talks, leaflets.",
        de: "Freies Hosting in der Öffentlichkeit bekannt machen: Schulungen, Workshops, Infostände, Vorträge, Materialien.",
      },
    },
  ],
};
