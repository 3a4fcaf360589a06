/** Strings of the directory feature. Keys start with "directory.". */
export const fr = {
  "directory.title": "directory",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "directory.title": "directory",
};
