/** The metrics page of a service whose file the platform generates (/stats/metrics/…). */
export const fr = {
  "stats.entered.title": "Métriques de « {service} »",
  "stats.entered.intro":
    "{member} ne publie pas ses propres fichiers ChatonsInfos : la plateforme les écrit pour elle. Les valeurs saisies ou envoyées ici figurent dans le fichier de ce service, et la prochaine collecte les ajoute à ses graphiques et à ses exports.",
  "stats.entered.file": "Fichier généré du service :",
  "stats.entered.metric": "Métrique",
  "stats.entered.year": "Année",
  "stats.entered.monthField": "Mois",
  "stats.entered.value": "Valeur",
  "stats.entered.month.title": "Un mois",
  "stats.entered.month.submit": "Enregistrer la valeur",
  "stats.entered.yearForm.title": "Toute une année, mois par mois",
  "stats.entered.yearForm.hint": "Les mois laissés vides gardent leur valeur actuelle.",
  "stats.entered.yearForm.submit": "Enregistrer l'année",
  "stats.entered.upload.title": "Envoyer un fichier de métriques",
  "stats.entered.upload.intro":
    "Un extrait de fichier ChatonsInfos : des lignes metrics.<métrique>.<année>.months (ou weeks, days) = v1,v2,… Il est vérifié comme par le validateur ; au moindre problème bloquant, rien n'est enregistré.",
  "stats.entered.upload.file": "Fichier de métriques à envoyer",
  "stats.entered.upload.content": "Ou collez ses lignes ici",
  "stats.entered.upload.submit": "Vérifier et enregistrer",
  "stats.entered.upload.refused":
    "{errors, plural, one {Le fichier a # erreur : rien n'a été enregistré.} other {Le fichier a # erreurs : rien n'a été enregistré.}}",
  "stats.entered.upload.empty": "Le fichier ne contient aucune valeur de métrique : rien n'a été enregistré.",
  "stats.entered.upload.tooMany":
    "Le fichier contient trop de valeurs ({count}) ; envoyez-le en plusieurs fois (au plus {max}).",
  "stats.entered.upload.ignored":
    "{count, plural, one {# ligne qui n'est pas une métrique a été ignorée.} other {# lignes qui ne sont pas des métriques ont été ignorées.}}",
  "stats.entered.saved":
    "{count, plural, one {# valeur enregistrée : elle figure dans le fichier généré.} other {# valeurs enregistrées : elles figurent dans le fichier généré.}}",
  "stats.entered.list.title": "Valeurs enregistrées",
  "stats.entered.list.count":
    "{count, plural, =0 {Aucune valeur enregistrée pour l'instant.} one {# valeur enregistrée.} other {# valeurs enregistrées.}}",
  "stats.entered.col.line": "Ligne du fichier généré",
  "stats.entered.link": "Saisir ou envoyer des métriques",
  "stats.entered.ownFile":
    "{member} publie ses propres fichiers ChatonsInfos : la collecte lit les métriques de ce service là-bas, ajoutez-les à ce fichier :",
  "stats.entered.error.year": "Saisissez une année entre 2000 et 2100.",
  "stats.entered.error.negative": "Une métrique ne peut pas être négative.",
  "stats.entered.error.empty": "Saisissez au moins un mois.",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "stats.entered.title": "Metrics of “{service}”",
  "stats.entered.intro":
    "{member} does not publish its own ChatonsInfos files: the platform writes them for it. The values entered or uploaded here appear in this service's file, and the next crawl adds them to its charts and exports.",
  "stats.entered.file": "The service's generated file:",
  "stats.entered.metric": "Metric",
  "stats.entered.year": "Year",
  "stats.entered.monthField": "Month",
  "stats.entered.value": "Value",
  "stats.entered.month.title": "One month",
  "stats.entered.month.submit": "Save the value",
  "stats.entered.yearForm.title": "A whole year, month by month",
  "stats.entered.yearForm.hint": "Months left empty keep their current value.",
  "stats.entered.yearForm.submit": "Save the year",
  "stats.entered.upload.title": "Upload a metrics file",
  "stats.entered.upload.intro":
    "A fragment of a ChatonsInfos file: lines metrics.<metric>.<year>.months (or weeks, days) = v1,v2,… It is checked as the validator checks files; on any error nothing is saved.",
  "stats.entered.upload.file": "Metrics file to upload",
  "stats.entered.upload.content": "Or paste its lines here",
  "stats.entered.upload.submit": "Check and save",
  "stats.entered.upload.refused":
    "{errors, plural, one {The file has # error: nothing was saved.} other {The file has # errors: nothing was saved.}}",
  "stats.entered.upload.empty": "The file has no metric value: nothing was saved.",
  "stats.entered.upload.tooMany":
    "The file has too many values ({count}); upload it in parts (at most {max}).",
  "stats.entered.upload.ignored":
    "{count, plural, one {# line that is not a metric was left out.} other {# lines that are not metrics were left out.}}",
  "stats.entered.saved":
    "{count, plural, one {# value saved: it appears in the generated file.} other {# values saved: they appear in the generated file.}}",
  "stats.entered.list.title": "Saved values",
  "stats.entered.list.count":
    "{count, plural, =0 {No value saved yet.} one {# value saved.} other {# values saved.}}",
  "stats.entered.col.line": "Line of the generated file",
  "stats.entered.link": "Enter or upload metrics",
  "stats.entered.ownFile":
    "{member} publishes its own ChatonsInfos files: the crawl reads this service's metrics there, so add them to that file:",
  "stats.entered.error.year": "Enter a year between 2000 and 2100.",
  "stats.entered.error.negative": "A metric cannot be negative.",
  "stats.entered.error.empty": "Enter at least one month.",
};

export const de: Record<keyof typeof fr, string> = {
  "stats.entered.title": "Metriken von „{service}“",
  "stats.entered.intro":
    "{member} veröffentlicht keine eigenen ChatonsInfos-Dateien: Die Plattform schreibt sie. Die hier eingegebenen oder hochgeladenen Werte stehen in der Datei dieses Dienstes, und die nächste Erfassung übernimmt sie in seine Diagramme und Exporte.",
  "stats.entered.file": "Die erzeugte Datei des Dienstes:",
  "stats.entered.metric": "Metrik",
  "stats.entered.year": "Jahr",
  "stats.entered.monthField": "Monat",
  "stats.entered.value": "Wert",
  "stats.entered.month.title": "Ein Monat",
  "stats.entered.month.submit": "Wert speichern",
  "stats.entered.yearForm.title": "Ein ganzes Jahr, Monat für Monat",
  "stats.entered.yearForm.hint": "Leer gelassene Monate behalten ihren bisherigen Wert.",
  "stats.entered.yearForm.submit": "Jahr speichern",
  "stats.entered.upload.title": "Eine Metrikdatei hochladen",
  "stats.entered.upload.intro":
    "Ein Auszug einer ChatonsInfos-Datei: Zeilen metrics.<Metrik>.<Jahr>.months (oder weeks, days) = v1,v2,… Sie wird wie vom Validator geprüft; bei einem Fehler wird nichts gespeichert.",
  "stats.entered.upload.file": "Hochzuladende Metrikdatei",
  "stats.entered.upload.content": "Oder ihre Zeilen hier einfügen",
  "stats.entered.upload.submit": "Prüfen und speichern",
  "stats.entered.upload.refused":
    "{errors, plural, one {Die Datei hat # Fehler: Es wurde nichts gespeichert.} other {Die Datei hat # Fehler: Es wurde nichts gespeichert.}}",
  "stats.entered.upload.empty": "Die Datei enthält keinen Metrikwert: Es wurde nichts gespeichert.",
  "stats.entered.upload.tooMany":
    "Die Datei enthält zu viele Werte ({count}); laden Sie sie in Teilen hoch (höchstens {max}).",
  "stats.entered.upload.ignored":
    "{count, plural, one {# Zeile, die keine Metrik ist, wurde ausgelassen.} other {# Zeilen, die keine Metriken sind, wurden ausgelassen.}}",
  "stats.entered.saved":
    "{count, plural, one {# Wert gespeichert: Er steht in der erzeugten Datei.} other {# Werte gespeichert: Sie stehen in der erzeugten Datei.}}",
  "stats.entered.list.title": "Gespeicherte Werte",
  "stats.entered.list.count":
    "{count, plural, =0 {Noch kein Wert gespeichert.} one {# Wert gespeichert.} other {# Werte gespeichert.}}",
  "stats.entered.col.line": "Zeile der erzeugten Datei",
  "stats.entered.link": "Metriken eingeben oder hochladen",
  "stats.entered.ownFile":
    "{member} veröffentlicht eigene ChatonsInfos-Dateien: Die Erfassung liest die Metriken dieses Dienstes dort, fügen Sie sie dieser Datei hinzu:",
  "stats.entered.error.year": "Geben Sie ein Jahr zwischen 2000 und 2100 ein.",
  "stats.entered.error.negative": "Eine Metrik kann nicht negativ sein.",
  "stats.entered.error.empty": "Geben Sie mindestens einen Monat ein.",
};
