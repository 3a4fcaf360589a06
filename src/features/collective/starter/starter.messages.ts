/** Strings of the starter guide (its pages are Markdown under content/<locale>/starter-guide/). */
export const fr = {
  "starter.steps": "Les étapes du guide",
  "starter.step_of": "Étape {n} sur {total}",
  "starter.previous": "← Étape précédente",
  "starter.next": "Étape suivante →",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "starter.steps": "The steps of the guide",
  "starter.step_of": "Step {n} of {total}",
  "starter.previous": "← Previous step",
  "starter.next": "Next step →",
};

export const de: Record<keyof typeof fr, string> = {
  "starter.steps": "Die Schritte des Leitfadens",
  "starter.step_of": "Schritt {n} von {total}",
  "starter.previous": "← Vorheriger Schritt",
  "starter.next": "Nächster Schritt →",
};
