/** Strings of the applications feature. Keys start with "applications.". */
export const fr = {
  "applications.title": "applications",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "applications.title": "applications",
};
