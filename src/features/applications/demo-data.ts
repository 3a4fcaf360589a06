/** Texts of the demo's application process (fictional, in French like the demo collective). */

export const DEMO_EXPLANATIONS: Record<string, string> = {
  C1: "Notre charte de modération s'applique aussi entre bénévoles ; nous l'avons adoptée en assemblée.",
  C2: "contact@ répond sous 48 h ; deux personnes suivent le forum du collectif.",
  H1: "Nous administrons nous-mêmes nos deux serveurs (accès root), installés avec des recettes publiées.",
  H2: "La page « Infrastructure » nomme l'hébergeur associatif qui loue la baie et décrit ce que nous contrôlons.",
  H3: "Aucun prestataire tiers pour les services : sauvegardes chez un autre chaton, DNS chez nous.",
  A1: "Aucune publicité, nulle part.",
  A2: "Statistiques de fréquentation avec un outil libre auto-hébergé, journaux anonymisés après 7 jours.",
  A3: "Nous ne transmettons ni n'exploitons aucune donnée ; c'est écrit dans nos CGU.",
  T1: "CGU et mentions légales en pied de chaque page du site.",
  T2: "Une page dédiée décrit les données collectées, leur durée de conservation et vos droits.",
  T3: "Comptes ouverts à toute personne, gratuits, dans la limite des places.",
  T4: "Export des données depuis chaque service ; procédure décrite dans la documentation.",
  T5: "Fonctionnement par cotisations et dons, détaillé sur la page « Modèle économique ».",
  O1: "Uniquement des logiciels libres ; aucune exception à déclarer.",
  O2: "Chaque service affiche sa licence et un lien vers ses sources.",
  O3: "Exports en formats ouverts (ODF, CSV, Markdown).",
  N1: "Aucune inspection du trafic.",
  N2: "Les contenus ne sont jamais modifiés.",
  S1: "Association loi 1901 déclarée, comptes publiés chaque année.",
};

export const DEMO_QUESTIONS: { criterion: string; question: string; answer: string | null }[] = [
  {
    criterion: "H2",
    question:
      "Bonjour ! Votre page infrastructure nomme l'hébergeur de la baie, mais où sont stockées les sauvegardes ? Dans le même bâtiment ?",
    answer:
      "Bonne question : les sauvegardes chiffrées partent chaque nuit chez un autre chaton, à 300 km. Nous l'ajoutons à la page infrastructure.",
  },
  {
    criterion: "T6",
    question: "Pourriez-vous préciser la durée de conservation des journaux du serveur de courriel ?",
    answer:
      "Sept jours, puis suppression automatique. C'est maintenant écrit dans la politique de confidentialité.",
  },
];

export const DEMO_OPEN_QUESTION = {
  criterion: "O1",
  question: "Votre service de visioconférence utilise-t-il un serveur TURN tiers ?",
};

export const DEMO_REASONS_AGAINST = [
  "Un seul service pour l'instant : nous attendrions la prochaine portée.",
  "La page infrastructure reste vague sur le niveau de contrôle du matériel.",
];

export const DEMO_REASONS_FOR = ["Dossier clair et réponses rapides.", "", "", "Bienvenue !"];

export const DEMO_PROPOSAL = {
  title: "Déplacer la réunion mensuelle au premier mardi du mois",
  body: "Plusieurs membres ne peuvent plus se libérer le jeudi. Proposition : réunion mensuelle en visioconférence le premier mardi du mois, 20 h 30.\n\nLe choix se fait à la majorité simple des voix exprimées.",
  options: ["Premier mardi", "Premier jeudi (inchangé)", "Dernier lundi"],
};

export const DEMO_PAST_PROPOSAL = {
  title: "Adopter un code de conduite pour le forum",
  body: "Proposition d'adopter le code de conduite discuté lors de la dernière rencontre.",
};
