/** Strings of the stats feature. Keys start with "stats.". */
export const fr = {
  "stats.title": "stats",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "stats.title": "stats",
};
