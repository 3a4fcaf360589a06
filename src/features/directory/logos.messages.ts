/** Strings of member logos: alt text, the dashboard panel, the reasons a logo was refused. */
export const fr = {
  "directory.logo.alt": "Logo {name_of}",
  "directory.logo.panel.title": "Logo",
  "directory.logo.panel.none":
    "Aucune adresse de logo : votre avatar de chaton est affiché partout. Ajoutez l'adresse d'une image en modifiant la fiche.",
  "directory.logo.panel.pending":
    "Le logo n'a pas encore été récupéré ; il le sera dans les prochaines heures.",
  "directory.logo.panel.stored": "Logo récupéré le {date} depuis {url}, servi par la plateforme.",
  "directory.logo.panel.failed": "Dernière tentative le {date} sur {url} : {reason}",
  "directory.logo.panel.kept": "Le logo précédent reste affiché.",
  "directory.logo.panel.kitten": "Votre avatar de chaton reste affiché.",
  "directory.logo.panel.refresh": "La plateforme vérifie le logo chaque semaine.",
  "directory.logo.saved_refused": "Fiche enregistrée, mais le logo n'a pas été retenu : {reason}",
  "directory.logo.reason.svg": "les images SVG sont refusées (elles peuvent contenir des scripts).",
  "directory.logo.reason.not-an-image": "le fichier n'est pas une image PNG, JPEG, WebP ou GIF.",
  "directory.logo.reason.type-mismatch":
    "le type annoncé par le serveur ne correspond pas au contenu du fichier.",
  "directory.logo.reason.too-large": "le fichier dépasse 256 Ko.",
  "directory.logo.reason.dimensions": "l'image dépasse 2048 pixels de côté.",
  "directory.logo.reason.empty": "le fichier est vide.",
  "directory.logo.reason.http-error": "le serveur n'a pas renvoyé l'image (erreur HTTP).",
  "directory.logo.reason.unreachable": "le serveur est injoignable ou l'adresse est invalide.",
  "directory.logo.reason.blocked-address": "l'adresse mène à un réseau privé.",
  "directory.logo.reason.timeout": "le serveur a mis trop de temps à répondre.",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "directory.logo.alt": "Logo of {name}",
  "directory.logo.panel.title": "Logo",
  "directory.logo.panel.none":
    "No logo address: your kitten avatar is shown everywhere. Add an image address by editing the page.",
  "directory.logo.panel.pending": "The logo has not been fetched yet; it will be within a few hours.",
  "directory.logo.panel.stored": "Logo fetched on {date} from {url}, served by the platform.",
  "directory.logo.panel.failed": "Last attempt on {date} at {url}: {reason}",
  "directory.logo.panel.kept": "The previous logo is still shown.",
  "directory.logo.panel.kitten": "Your kitten avatar is still shown.",
  "directory.logo.panel.refresh": "The platform checks the logo every week.",
  "directory.logo.saved_refused": "Page saved, but the logo was not accepted: {reason}",
  "directory.logo.reason.svg": "SVG images are refused (they may contain scripts).",
  "directory.logo.reason.not-an-image": "the file is not a PNG, JPEG, WebP or GIF image.",
  "directory.logo.reason.type-mismatch":
    "the type announced by the server does not match the file's content.",
  "directory.logo.reason.too-large": "the file is larger than 256 KB.",
  "directory.logo.reason.dimensions": "the image is more than 2048 pixels wide or high.",
  "directory.logo.reason.empty": "the file is empty.",
  "directory.logo.reason.http-error": "the server did not send the image (HTTP error).",
  "directory.logo.reason.unreachable": "the server cannot be reached or the address is invalid.",
  "directory.logo.reason.blocked-address": "the address leads to a private network.",
  "directory.logo.reason.timeout": "the server took too long to answer.",
};

export const de: Record<keyof typeof fr, string> = {
  "directory.logo.alt": "Logo von {name}",
  "directory.logo.panel.title": "Logo",
  "directory.logo.panel.none":
    "Keine Logo-Adresse: Überall wird dein Kätzchen-Avatar angezeigt. Füge die Adresse eines Bildes hinzu, indem du den Eintrag bearbeitest.",
  "directory.logo.panel.pending":
    "Das Logo wurde noch nicht abgerufen; das geschieht in den nächsten Stunden.",
  "directory.logo.panel.stored": "Logo am {date} von {url} abgerufen, ausgeliefert von der Plattform.",
  "directory.logo.panel.failed": "Letzter Versuch am {date} bei {url}: {reason}",
  "directory.logo.panel.kept": "Das bisherige Logo wird weiter angezeigt.",
  "directory.logo.panel.kitten": "Dein Kätzchen-Avatar wird weiter angezeigt.",
  "directory.logo.panel.refresh": "Die Plattform prüft das Logo jede Woche.",
  "directory.logo.saved_refused": "Eintrag gespeichert, aber das Logo wurde nicht übernommen: {reason}",
  "directory.logo.reason.svg": "SVG-Bilder werden abgelehnt (sie können Skripte enthalten).",
  "directory.logo.reason.not-an-image": "Die Datei ist kein PNG-, JPEG-, WebP- oder GIF-Bild.",
  "directory.logo.reason.type-mismatch": "Der vom Server angegebene Typ passt nicht zum Inhalt der Datei.",
  "directory.logo.reason.too-large": "Die Datei ist größer als 256 KB.",
  "directory.logo.reason.dimensions": "Das Bild ist breiter oder höher als 2048 Pixel.",
  "directory.logo.reason.empty": "Die Datei ist leer.",
  "directory.logo.reason.http-error": "Der Server hat das Bild nicht geliefert (HTTP-Fehler).",
  "directory.logo.reason.unreachable": "Der Server ist nicht erreichbar oder die Adresse ist ungültig.",
  "directory.logo.reason.blocked-address": "Die Adresse führt in ein privates Netz.",
  "directory.logo.reason.timeout": "Der Server hat zu lange gebraucht, um zu antworten.",
};
