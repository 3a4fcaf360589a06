/** Strings of the admin home: what needs doing. */
export const fr = {
  "admin.home.intro": "Ce qui attend une action, en premier ; les outils ensuite.",
  "admin.home.todo": "À faire",
  "admin.home.nothing": "Rien en attente.",
  "admin.home.tools": "Outils",
  "admin.home.applications":
    "{count, plural, =0 {Aucune candidature à examiner} one {# candidature à examiner} other {# candidatures à examiner}}",
  "admin.home.chores":
    "{count, plural, =0 {Toutes les tâches des quatre prochaines semaines ont quelqu'un} one {# tâche sans personne dans les quatre prochaines semaines} other {# tâches sans personne dans les quatre prochaines semaines}}",
  "admin.home.crawl.failed": "Le dernier relevé a échoué ({date})",
  "admin.home.crawl.files":
    "{count, plural, =0 {Le dernier relevé a lu tous les fichiers} one {# fichier illisible au dernier relevé} other {# fichiers illisibles au dernier relevé}}",
  "admin.home.crawl.none": "Aucun relevé pour l'instant",
  "admin.home.instances.down":
    "{count, plural, =0 {Aucune instance du portail en panne} one {# instance du portail en panne} other {# instances du portail en panne}}",
  "admin.home.instances.pending":
    "{count, plural, =0 {Aucune instance à approuver} one {# instance à approuver} other {# instances à approuver}}",
  "admin.home.mails":
    "{count, plural, =0 {Tous les courriels sont partis} one {# courriel non envoyé} other {# courriels non envoyés}}",
  "admin.home.open": "Ouvrir",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "admin.home.intro": "What waits for someone first; the tools after.",
  "admin.home.todo": "To do",
  "admin.home.nothing": "Nothing waiting.",
  "admin.home.tools": "Tools",
  "admin.home.applications":
    "{count, plural, =0 {No application to review} one {# application to review} other {# applications to review}}",
  "admin.home.chores":
    "{count, plural, =0 {Every chore of the next four weeks has someone} one {# chore with nobody in the next four weeks} other {# chores with nobody in the next four weeks}}",
  "admin.home.crawl.failed": "The last crawl failed ({date})",
  "admin.home.crawl.files":
    "{count, plural, =0 {The last crawl read every file} one {# file unreadable at the last crawl} other {# files unreadable at the last crawl}}",
  "admin.home.crawl.none": "No crawl yet",
  "admin.home.instances.down":
    "{count, plural, =0 {No portal instance down} one {# portal instance down} other {# portal instances down}}",
  "admin.home.instances.pending":
    "{count, plural, =0 {No instance to approve} one {# instance to approve} other {# instances to approve}}",
  "admin.home.mails":
    "{count, plural, =0 {Every mail has left} one {# mail not sent} other {# mails not sent}}",
  "admin.home.open": "Open",
};

export const de: Record<keyof typeof fr, string> = {
  "admin.home.intro": "Zuerst, was auf jemanden wartet; danach die Werkzeuge.",
  "admin.home.todo": "Zu erledigen",
  "admin.home.nothing": "Nichts offen.",
  "admin.home.tools": "Werkzeuge",
  "admin.home.applications":
    "{count, plural, =0 {Keine Bewerbung zu prüfen} one {# Bewerbung zu prüfen} other {# Bewerbungen zu prüfen}}",
  "admin.home.chores":
    "{count, plural, =0 {Alle Aufgaben der nächsten vier Wochen sind vergeben} one {# Aufgabe ohne Person in den nächsten vier Wochen} other {# Aufgaben ohne Person in den nächsten vier Wochen}}",
  "admin.home.crawl.failed": "Die letzte Erhebung ist fehlgeschlagen ({date})",
  "admin.home.crawl.files":
    "{count, plural, =0 {Die letzte Erhebung hat alle Dateien gelesen} one {# Datei bei der letzten Erhebung unlesbar} other {# Dateien bei der letzten Erhebung unlesbar}}",
  "admin.home.crawl.none": "Noch keine Erhebung",
  "admin.home.instances.down":
    "{count, plural, =0 {Keine Portal-Instanz ausgefallen} one {# Portal-Instanz ausgefallen} other {# Portal-Instanzen ausgefallen}}",
  "admin.home.instances.pending":
    "{count, plural, =0 {Keine Instanz zu genehmigen} one {# Instanz zu genehmigen} other {# Instanzen zu genehmigen}}",
  "admin.home.mails":
    "{count, plural, =0 {Alle E-Mails sind verschickt} one {# E-Mail nicht verschickt} other {# E-Mails nicht verschickt}}",
  "admin.home.open": "Öffnen",
};
