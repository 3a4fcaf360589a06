/** Strings of the directory's pages added for phones (issue 17): finder disclosure and chips. */
export const fr = {
  "directory.filters.more": "Filtres{count, plural, =0 {} other { (#)}}",
  "directory.filters.search": "Chercher",
  "directory.filters.applied": "Filtres appliqués",
  "directory.filters.remove": "Retirer le filtre « {label} »",
  "directory.filters.open.chip": "Accepte de nouveaux comptes",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "directory.filters.more": "Filters{count, plural, =0 {} other { (#)}}",
  "directory.filters.search": "Search",
  "directory.filters.applied": "Applied filters",
  "directory.filters.remove": "Remove the filter “{label}”",
  "directory.filters.open.chip": "Accepts new accounts",
};

export const de: Record<keyof typeof fr, string> = {
  "directory.filters.more": "Filter{count, plural, =0 {} other { (#)}}",
  "directory.filters.search": "Suchen",
  "directory.filters.applied": "Angewandte Filter",
  "directory.filters.remove": "Filter „{label}“ entfernen",
  "directory.filters.open.chip": "Nimmt neue Konten an",
};
