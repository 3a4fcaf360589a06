/** Strings of the kitten generator. Keys start with "kittens.". */
export const fr = {
  "kittens.title": "Créateur de chatons",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "kittens.title": "Kitten generator",
};
