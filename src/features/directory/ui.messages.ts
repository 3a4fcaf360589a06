/** Strings of the directory's pages added for phones (issue 17): finder disclosure and chips, member badges. */
export const fr = {
  "directory.filters.more": "Filtres{count, plural, =0 {} other { (#)}}",
  "directory.filters.search": "Chercher",
  "directory.filters.applied": "Filtres appliqués",
  "directory.filters.remove": "Retirer le filtre « {label} »",
  "directory.filters.open.chip": "Accepte de nouveaux comptes",
  "directory.members.badge.accepting": "Accueille de nouveaux comptes",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "directory.filters.more": "Filters{count, plural, =0 {} other { (#)}}",
  "directory.filters.search": "Search",
  "directory.filters.applied": "Applied filters",
  "directory.filters.remove": "Remove the filter “{label}”",
  "directory.filters.open.chip": "Accepts new accounts",
  "directory.members.badge.accepting": "Welcomes new accounts",
};

export const de: Record<keyof typeof fr, string> = {
  "directory.filters.more": "Filter{count, plural, =0 {} other { (#)}}",
  "directory.filters.search": "Suchen",
  "directory.filters.applied": "Angewandte Filter",
  "directory.filters.remove": "Filter „{label}“ entfernen",
  "directory.filters.open.chip": "Nimmt neue Konten an",
  "directory.members.badge.accepting": "Nimmt neue Konten an",
};
