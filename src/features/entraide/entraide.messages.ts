/** Strings of the entraide feature. Keys start with "entraide.". */
export const fr = {
  "entraide.title": "entraide",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "entraide.title": "entraide",
};
