/** Strings of the file checks, crawl journal, uptime, crawler etiquette and panels. */
export const fr = {
  "stats.files.title": "Vérification des fichiers",
  "stats.files.intro":
    "Chaque fichier ChatonsInfos relevé, vérifié propriété par propriété. Ouvrez un fichier pour voir ses problèmes ligne par ligne et comment les corriger.",
  "stats.files.filter": "Afficher",
  "stats.files.filter.all": "tous les fichiers",
  "stats.files.filter.errors": "les fichiers avec des erreurs",
  "stats.files.filter.failed": "les fichiers en échec",
  "stats.files.count": "{n, plural, one {# fichier.} other {# fichiers.}}",
  "stats.files.none": "Aucun fichier relevé pour l'instant.",
  "stats.file.title": "Vérification : {name}",
  "stats.file.url": "Adresse",
  "stats.file.lastFetch": "Dernier relevé",
  "stats.file.okCount":
    "{ok, plural, one {# propriété correcte} other {# propriétés correctes}}, {voids, plural, one {# vide} other {# vides}}.",
  "stats.file.raw": "Fichier brut relevé",
  "stats.file.json": "Vérification en JSON",
  "stats.file.checks": "Propriétés vérifiées",
  "stats.file.all": "Afficher aussi les propriétés correctes et vides",
  "stats.file.problemsOnly": "N'afficher que les problèmes",
  "stats.file.content": "Contenu relevé",
  "stats.file.children": "Fichiers liés (subs)",
  "stats.file.history": "Historique des relevés",
  "stats.check.clean": "Aucun problème : bravo !",

  "stats.crawls.title": "Journal des relevés",
  "stats.crawls.intro":
    "Chaque relevé part du fichier de la fédération et suit les liens subs vers les fichiers des structures, de leurs services et de leurs métriques.",
  "stats.crawls.running": "Un relevé est en cours : rechargez la page pour suivre sa progression.",
  "stats.crawls.run": "Lancer un relevé maintenant",
  "stats.crawls.started": "Relevé lancé : sa progression s'affiche dans le journal.",
  "stats.crawls.refused":
    "Le relevé n'a pas été lancé : un relevé est déjà en cours depuis le {since}. Si l'instance qui le menait s'est arrêtée, vous pourrez en lancer un autre après le {until}.",
  "stats.crawls.refused.queued": "Le relevé n'a pas été lancé : un relevé attend déjà son tour.",
  "stats.crawl.title": "Relevé du {date}",
  "stats.crawl.root": "Point de départ",
  "stats.crawl.trigger": "Lancé par",
  "stats.crawl.files":
    "{total, plural, one {# fichier} other {# fichiers}} : {ok, plural, one {# lu} other {# lus}}, {unchanged, plural, one {# inchangé} other {# inchangés}}, {failed} en échec",
  "stats.crawl.failures": "Fichiers en échec",
  "stats.crawl.noFailure": "Aucun fichier en échec.",
  "stats.crawl.items": "Structures",
  "stats.duration.s": "{n} s",
  "stats.duration.m": "{n} min",

  "stats.uptime.title": "Disponibilité",
  "stats.uptime.intro":
    "Chaque service est sondé environ {minutes, plural, =1 {chaque minute} other {toutes les # minutes}}. Chaque barre est une journée : verte si tous les sondages ont réussi, orange au-dessus de 95 %, rouge en dessous.",
  "stats.uptime.legend.ok": "tout va bien",
  "stats.uptime.legend.warn": "quelques échecs",
  "stats.uptime.legend.bad": "panne",
  "stats.uptime.legend.none": "pas de mesure",
  "stats.uptime.none": "Pas encore de mesure de disponibilité.",
  "stats.uptime.label": "Disponibilité {name_of} sur 90 jours : {ratio}",
  "stats.uptime.day": "{day} : {ratio} % ({checks, plural, one {# sondage} other {# sondages}})",
  "stats.uptime.day.none": "{day} : pas de mesure",

  "stats.crawler.title": "Notre robot de relevé",
  "stats.crawler.intro":
    "La plateforme du collectif {collective} relève les fichiers ChatonsInfos que publient ses membres et vérifie que leurs services répondent. Voici ce que fait son robot, et comment lui dire non.",
  "stats.crawler.who": "Comment le reconnaître",
  "stats.crawler.ua": "Chaque requête porte cet en-tête User-Agent :",
  "stats.crawler.what": "Ce qu'il demande",
  "stats.crawler.what.files":
    "Les fichiers ChatonsInfos (.properties) listés par le fichier de la fédération, puis ceux que ces fichiers listent (subs), et le robots.txt de chaque site, une fois par jour au plus.",
  "stats.crawler.what.uptime":
    "La page d'accueil de chaque service déclaré, environ {minutes, plural, =1 {chaque minute} other {toutes les # minutes}}, pour mesurer sa disponibilité.",
  "stats.crawler.what.nodeinfo":
    "Le document /.well-known/nodeinfo des services du fédivers (Mastodon, PeerTube…), une fois par jour.",
  "stats.crawler.how": "Comment il se comporte",
  "stats.crawler.how.often":
    "Un relevé complet {hours, plural, =1 {toutes les heures} other {toutes les # heures}}.",
  "stats.crawler.how.parallel":
    "Jamais plus {perHost, plural, one {d'une requête à la fois} other {de # requêtes simultanées}} vers un même serveur.",
  "stats.crawler.how.limits":
    "Il abandonne une requête après {seconds, plural, one {# seconde} other {# secondes}}, un fichier au-delà de {size} Kio et après {redirects, plural, one {# redirection} other {# redirections}}.",
  "stats.crawler.how.conditional":
    "Il envoie If-None-Match et If-Modified-Since : un fichier inchangé ne coûte qu'une réponse 304.",
  "stats.crawler.how.private": "Il refuse toute adresse d'un réseau privé ou réservé.",
  "stats.crawler.robots": "Lui dire non",
  "stats.crawler.robots.text":
    "Il respecte robots.txt (RFC 9309) sous le nom « chatons ». Un robots.txt illisible (erreur 5xx, délai dépassé) vaut refus jusqu'au relevé suivant. Pour l'écarter de tout votre site :",
  "stats.crawler.privacy": "Vie privée",
  "stats.crawler.privacy.text":
    "Le robot ne suit aucun lien hors des fichiers ChatonsInfos, ne garde aucune donnée personnelle des visiteurs de vos services et n'envoie aucun cookie.",
  "stats.crawler.contact": "Un souci ?",
  "stats.crawler.contact.text": "Écrivez au collectif :",

  "stats.panel.title": "Vos fichiers ChatonsInfos",
  "stats.panel.notYet":
    "Vos fichiers n'ont pas encore été relevés : ils le seront au prochain relevé quotidien.",
  "stats.panel.clean":
    "{n, plural, one {# fichier relevé} other {# fichiers relevés}}, sans erreur ni avertissement. Merci !",
  "stats.panel.more":
    "{n, plural, one {Et # autre problème} other {Et # autres problèmes}} : voir la vérification complète.",
  "stats.panel.link": "Toutes les statistiques de la structure",
  "stats.source.label": "Mes fichiers ChatonsInfos font foi",
  "stats.source.hint":
    "Si vous cochez, chaque relevé met à jour l'annuaire avec ce que disent vos fichiers (nom, contact, statut, services…). Sinon, l'annuaire fait foi et les différences vous sont signalées.",
  "stats.source.save": "Enregistrer",
  "stats.source.saved.files": "C'est noté : vos fichiers ChatonsInfos font foi.",
  "stats.source.saved.directory": "C'est noté : l'annuaire fait foi.",
  "stats.memberPanel.title": "Disponibilité",
  "stats.memberPanel.uptime":
    "{ratio} des sondages {n, plural, one {de son service ont réussi} other {de ses # services ont réussi}} ces 90 derniers jours.",
  "stats.memberPanel.users":
    "{users, plural, one {# compte déclaré} other {# comptes déclarés}} par NodeInfo sur {n, plural, one {# service} other {# services}}.",

  "stats.field.name": "Nom",
  "stats.field.description_fr": "Description",
  "stats.field.type": "Type de structure",
  "stats.field.status": "Statut",
  "stats.field.status_description": "Précision sur le statut",
  "stats.field.website": "Site web",
  "stats.field.logo_url": "Logo",
  "stats.field.contact_email": "Adresse de contact",
  "stats.field.contact_url": "Page de contact",
  "stats.field.legal_url": "Mentions légales",
  "stats.field.joined_at": "Membre depuis",
  "stats.field.country_code": "Pays",
  "stats.field.latitude": "Latitude",
  "stats.field.longitude": "Longitude",
  "stats.field.url": "Adresse du service",
  "stats.field.access": "Accès",
  "stats.field.registration_load": "Inscriptions",
  "stats.field.start_date": "Ouvert depuis",
  "stats.field.host_country": "Pays d'hébergement",
  "stats.field.software_id": "Logiciel",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "stats.files.title": "File checks",
  "stats.files.intro":
    "Every crawled ChatonsInfos file, checked property by property. Open a file to see its problems line by line and how to fix them.",
  "stats.files.filter": "Show",
  "stats.files.filter.all": "all files",
  "stats.files.filter.errors": "files with errors",
  "stats.files.filter.failed": "failed files",
  "stats.files.count": "{n, plural, one {# file.} other {# files.}}",
  "stats.files.none": "No file crawled yet.",
  "stats.file.title": "Check: {name}",
  "stats.file.url": "Address",
  "stats.file.lastFetch": "Last crawl",
  "stats.file.okCount": "{ok, plural, one {# valid property} other {# valid properties}}, {voids} empty.",
  "stats.file.raw": "Raw crawled file",
  "stats.file.json": "Check as JSON",
  "stats.file.checks": "Checked properties",
  "stats.file.all": "Also show valid and empty properties",
  "stats.file.problemsOnly": "Show problems only",
  "stats.file.content": "Crawled content",
  "stats.file.children": "Linked files (subs)",
  "stats.file.history": "Crawl history",
  "stats.check.clean": "No problem: well done!",

  "stats.crawls.title": "Crawl journal",
  "stats.crawls.intro":
    "Each crawl starts from the federation file and follows the subs links to the files of the structures, their services and their metrics.",
  "stats.crawls.running": "A crawl is running: reload the page to follow its progress.",
  "stats.crawls.run": "Crawl now",
  "stats.crawls.started": "Crawl started: its progress shows in the journal.",
  "stats.crawls.refused":
    "The crawl was not started: one has been running since {since}. If the instance running it stopped, you can start another after {until}.",
  "stats.crawls.refused.queued": "The crawl was not started: one is already waiting to start.",
  "stats.crawl.title": "Crawl of {date}",
  "stats.crawl.root": "Starting point",
  "stats.crawl.trigger": "Started by",
  "stats.crawl.files":
    "{total, plural, one {# file} other {# files}}: {ok} read, {unchanged} unchanged, {failed} failed",
  "stats.crawl.failures": "Failed files",
  "stats.crawl.noFailure": "No failed file.",
  "stats.crawl.items": "Structures",
  "stats.duration.s": "{n} s",
  "stats.duration.m": "{n} min",

  "stats.uptime.title": "Uptime",
  "stats.uptime.intro":
    "Each service is probed about {minutes, plural, =1 {every minute} other {every # minutes}}. Each bar is a day: green when every probe succeeded, amber above 95 %, red below.",
  "stats.uptime.legend.ok": "all good",
  "stats.uptime.legend.warn": "a few failures",
  "stats.uptime.legend.bad": "outage",
  "stats.uptime.legend.none": "no measure",
  "stats.uptime.none": "No uptime measure yet.",
  "stats.uptime.label": "Uptime of {name} over 90 days: {ratio}",
  "stats.uptime.day": "{day}: {ratio} % ({checks, plural, one {# probe} other {# probes}})",
  "stats.uptime.day.none": "{day}: no measure",

  "stats.crawler.title": "Our crawler",
  "stats.crawler.intro":
    "The platform of the {collective} collective reads the ChatonsInfos files its members publish and checks that their services answer. Here is what its crawler does, and how to say no.",
  "stats.crawler.who": "How to recognise it",
  "stats.crawler.ua": "Every request carries this User-Agent header:",
  "stats.crawler.what": "What it asks for",
  "stats.crawler.what.files":
    "The ChatonsInfos files (.properties) listed by the federation file, then those these files list (subs), and each site's robots.txt, at most once a day.",
  "stats.crawler.what.uptime":
    "The home page of each declared service, about {minutes, plural, =1 {every minute} other {every # minutes}}, to measure its uptime.",
  "stats.crawler.what.nodeinfo":
    "The /.well-known/nodeinfo document of fediverse services (Mastodon, PeerTube…), once a day.",
  "stats.crawler.how": "How it behaves",
  "stats.crawler.how.often": "A full crawl {hours, plural, =1 {every hour} other {every # hours}}.",
  "stats.crawler.how.parallel":
    "Never more than {perHost, plural, one {one request at a time} other {# simultaneous requests}} to one server.",
  "stats.crawler.how.limits":
    "It gives up on a request after {seconds, plural, one {# second} other {# seconds}}, on a file beyond {size} KiB and after {redirects, plural, one {# redirect} other {# redirects}}.",
  "stats.crawler.how.conditional":
    "It sends If-None-Match and If-Modified-Since: an unchanged file costs only a 304 answer.",
  "stats.crawler.how.private": "It refuses any address of a private or reserved network.",
  "stats.crawler.robots": "Saying no",
  "stats.crawler.robots.text":
    "It follows robots.txt (RFC 9309) as “chatons”. An unreadable robots.txt (5xx error, timeout) means no until the next crawl. To keep it off your whole site:",
  "stats.crawler.privacy": "Privacy",
  "stats.crawler.privacy.text":
    "The crawler follows no link outside the ChatonsInfos files, keeps no personal data about your services' visitors and sends no cookie.",
  "stats.crawler.contact": "A problem?",
  "stats.crawler.contact.text": "Write to the collective:",

  "stats.panel.title": "Your ChatonsInfos files",
  "stats.panel.notYet": "Your files have not been crawled yet: they will be at the next daily crawl.",
  "stats.panel.clean":
    "{n, plural, one {# file crawled} other {# files crawled}}, with no error or warning. Thank you!",
  "stats.panel.more":
    "{n, plural, one {And # more problem} other {And # more problems}}: see the full check.",
  "stats.panel.link": "All the structure's statistics",
  "stats.source.label": "My ChatonsInfos files are the reference",
  "stats.source.hint":
    "If ticked, each crawl updates the directory with what your files say (name, contact, status, services…). Otherwise the directory is the reference and differences are shown to you.",
  "stats.source.save": "Save",
  "stats.source.saved.files": "Noted: your ChatonsInfos files are the reference.",
  "stats.source.saved.directory": "Noted: the directory is the reference.",
  "stats.memberPanel.title": "Uptime",
  "stats.memberPanel.uptime":
    "{ratio} of the probes of {n, plural, one {its service} other {its # services}} succeeded over the last 90 days.",
  "stats.memberPanel.users":
    "{users, plural, one {# account declared} other {# accounts declared}} through NodeInfo on {n, plural, one {# service} other {# services}}.",

  "stats.field.name": "Name",
  "stats.field.description_fr": "Description",
  "stats.field.type": "Kind of structure",
  "stats.field.status": "Status",
  "stats.field.status_description": "About the status",
  "stats.field.website": "Website",
  "stats.field.logo_url": "Logo",
  "stats.field.contact_email": "Contact address",
  "stats.field.contact_url": "Contact page",
  "stats.field.legal_url": "Legal notice",
  "stats.field.joined_at": "Member since",
  "stats.field.country_code": "Country",
  "stats.field.latitude": "Latitude",
  "stats.field.longitude": "Longitude",
  "stats.field.url": "Service address",
  "stats.field.access": "Access",
  "stats.field.registration_load": "Registrations",
  "stats.field.start_date": "Open since",
  "stats.field.host_country": "Hosting country",
  "stats.field.software_id": "Software",
};

export const de: Record<keyof typeof fr, string> = {
  "stats.files.title": "Prüfung der Dateien",
  "stats.files.intro":
    "Jede abgerufene ChatonsInfos-Datei, Eigenschaft für Eigenschaft geprüft. Öffne eine Datei, um ihre Probleme Zeile für Zeile zu sehen und wie du sie behebst.",
  "stats.files.filter": "Anzeigen",
  "stats.files.filter.all": "alle Dateien",
  "stats.files.filter.errors": "die Dateien mit Fehlern",
  "stats.files.filter.failed": "die fehlgeschlagenen Dateien",
  "stats.files.count": "{n, plural, one {# Datei.} other {# Dateien.}}",
  "stats.files.none": "Noch keine Datei abgerufen.",
  "stats.file.title": "Prüfung: {name}",
  "stats.file.url": "Adresse",
  "stats.file.lastFetch": "Letzter Abruf",
  "stats.file.okCount":
    "{ok, plural, one {# Eigenschaft korrekt} other {# Eigenschaften korrekt}}, {voids} leer.",
  "stats.file.raw": "Abgerufene Rohdatei",
  "stats.file.json": "Prüfung als JSON",
  "stats.file.checks": "Geprüfte Eigenschaften",
  "stats.file.all": "Auch die korrekten und leeren Eigenschaften anzeigen",
  "stats.file.problemsOnly": "Nur die Probleme anzeigen",
  "stats.file.content": "Abgerufener Inhalt",
  "stats.file.children": "Verknüpfte Dateien (subs)",
  "stats.file.history": "Verlauf der Abrufe",
  "stats.check.clean": "Kein Problem: Bravo!",

  "stats.crawls.title": "Abrufprotokoll",
  "stats.crawls.intro":
    "Jeder Abruf beginnt bei der Datei der Föderation und folgt den subs-Links zu den Dateien der Strukturen, ihrer Dienste und ihrer Kennzahlen.",
  "stats.crawls.running": "Ein Abruf läuft: Lade die Seite neu, um seinen Fortschritt zu verfolgen.",
  "stats.crawls.run": "Jetzt einen Abruf starten",
  "stats.crawls.started": "Abruf gestartet: Sein Fortschritt erscheint im Protokoll.",
  "stats.crawl.title": "Abruf vom {date}",
  "stats.crawl.root": "Ausgangspunkt",
  "stats.crawl.trigger": "Gestartet durch",
  "stats.crawl.files":
    "{total, plural, one {# Datei} other {# Dateien}}: {ok} gelesen, {unchanged} unverändert, {failed} fehlgeschlagen",
  "stats.crawl.failures": "Fehlgeschlagene Dateien",
  "stats.crawl.noFailure": "Keine fehlgeschlagene Datei.",
  "stats.crawl.items": "Strukturen",
  "stats.duration.s": "{n} s",
  "stats.duration.m": "{n} min",

  "stats.uptime.title": "Verfügbarkeit",
  "stats.uptime.intro":
    "Jeder Dienst wird etwa {minutes, plural, =1 {jede Minute} other {alle # Minuten}} abgefragt. Jeder Balken ist ein Tag: grün, wenn alle Abfragen erfolgreich waren, orange über 95 %, rot darunter.",
  "stats.uptime.legend.ok": "alles in Ordnung",
  "stats.uptime.legend.warn": "einige Ausfälle",
  "stats.uptime.legend.bad": "Störung",
  "stats.uptime.legend.none": "keine Messung",
  "stats.uptime.none": "Noch keine Messung der Verfügbarkeit.",
  "stats.uptime.label": "Verfügbarkeit von {name} über 90 Tage: {ratio}",
  "stats.uptime.day": "{day}: {ratio} % ({checks, plural, one {# Abfrage} other {# Abfragen}})",
  "stats.uptime.day.none": "{day}: keine Messung",

  "stats.crawler.title": "Unser Crawler",
  "stats.crawler.intro":
    "Die Plattform des Kollektivs {collective} ruft die ChatonsInfos-Dateien ab, die ihre Mitglieder veröffentlichen, und prüft, ob deren Dienste antworten. Hier steht, was ihr Crawler tut und wie du ihn abweist.",
  "stats.crawler.who": "Woran du ihn erkennst",
  "stats.crawler.ua": "Jede Anfrage trägt diesen User-Agent-Header:",
  "stats.crawler.what": "Was er abruft",
  "stats.crawler.what.files":
    "Die ChatonsInfos-Dateien (.properties), die die Datei der Föderation auflistet, dann die, die diese Dateien auflisten (subs), und die robots.txt jeder Website, höchstens einmal am Tag.",
  "stats.crawler.what.uptime":
    "Die Startseite jedes angegebenen Dienstes, etwa {minutes, plural, =1 {jede Minute} other {alle # Minuten}}, um seine Verfügbarkeit zu messen.",
  "stats.crawler.what.nodeinfo":
    "Das Dokument /.well-known/nodeinfo der Dienste im Fediverse (Mastodon, PeerTube …), einmal am Tag.",
  "stats.crawler.how": "Wie er sich verhält",
  "stats.crawler.how.often":
    "Ein vollständiger Abruf {hours, plural, =1 {jede Stunde} other {alle # Stunden}}.",
  "stats.crawler.how.parallel":
    "Nie mehr als {perHost, plural, one {eine Anfrage gleichzeitig} other {# gleichzeitige Anfragen}} an denselben Server.",
  "stats.crawler.how.limits":
    "Er bricht eine Anfrage nach {seconds, plural, one {# Sekunde} other {# Sekunden}} ab, eine Datei ab {size} KiB und nach {redirects, plural, one {# Weiterleitung} other {# Weiterleitungen}}.",
  "stats.crawler.how.conditional":
    "Er sendet If-None-Match und If-Modified-Since: Eine unveränderte Datei kostet nur eine 304-Antwort.",
  "stats.crawler.how.private": "Er lehnt jede Adresse aus einem privaten oder reservierten Netz ab.",
  "stats.crawler.robots": "Ihn abweisen",
  "stats.crawler.robots.text":
    "Er beachtet robots.txt (RFC 9309) unter dem Namen „chatons“. Eine unlesbare robots.txt (Fehler 5xx, Zeitüberschreitung) gilt bis zum nächsten Abruf als Ablehnung. Um ihn von deiner ganzen Website fernzuhalten:",
  "stats.crawler.privacy": "Datenschutz",
  "stats.crawler.privacy.text":
    "Der Crawler folgt keinem Link außerhalb der ChatonsInfos-Dateien, speichert keine personenbezogenen Daten der Besucherinnen und Besucher deiner Dienste und sendet kein Cookie.",
  "stats.crawler.contact": "Ein Problem?",
  "stats.crawler.contact.text": "Schreib dem Kollektiv:",

  "stats.panel.title": "Deine ChatonsInfos-Dateien",
  "stats.panel.notYet":
    "Deine Dateien wurden noch nicht abgerufen: Das geschieht beim nächsten täglichen Abruf.",
  "stats.panel.clean":
    "{n, plural, one {# Datei abgerufen} other {# Dateien abgerufen}}, ohne Fehler und ohne Warnung. Danke!",
  "stats.panel.more":
    "{n, plural, one {Und # weiteres Problem} other {Und # weitere Probleme}}: siehe die vollständige Prüfung.",
  "stats.panel.link": "Alle Statistiken der Struktur",
  "stats.source.label": "Meine ChatonsInfos-Dateien sind maßgeblich",
  "stats.source.hint":
    "Wenn du das ankreuzt, aktualisiert jeder Abruf das Verzeichnis mit dem, was deine Dateien sagen (Name, Kontakt, Status, Dienste …). Sonst ist das Verzeichnis maßgeblich, und Abweichungen werden dir angezeigt.",
  "stats.source.save": "Speichern",
  "stats.source.saved.files": "Notiert: Deine ChatonsInfos-Dateien sind maßgeblich.",
  "stats.source.saved.directory": "Notiert: Das Verzeichnis ist maßgeblich.",
  "stats.memberPanel.title": "Verfügbarkeit",
  "stats.memberPanel.uptime":
    "{ratio} der Abfragen {n, plural, one {ihres Dienstes} other {ihrer # Dienste}} waren in den letzten 90 Tagen erfolgreich.",
  "stats.memberPanel.users":
    "{users, plural, one {# Konto} other {# Konten}} laut NodeInfo bei {n, plural, one {# Dienst} other {# Diensten}}.",

  "stats.field.name": "Name",
  "stats.field.description_fr": "Beschreibung",
  "stats.field.type": "Art der Struktur",
  "stats.field.status": "Status",
  "stats.field.status_description": "Genaueres zum Status",
  "stats.field.website": "Website",
  "stats.field.logo_url": "Logo",
  "stats.field.contact_email": "Kontaktadresse",
  "stats.field.contact_url": "Kontaktseite",
  "stats.field.legal_url": "Impressum",
  "stats.field.joined_at": "Mitglied seit",
  "stats.field.country_code": "Land",
  "stats.field.latitude": "Breitengrad",
  "stats.field.longitude": "Längengrad",
  "stats.field.url": "Adresse des Dienstes",
  "stats.field.access": "Zugang",
  "stats.field.registration_load": "Registrierung",
  "stats.field.start_date": "Geöffnet seit",
  "stats.field.host_country": "Land des Hostings",
  "stats.field.software_id": "Software",
  "stats.crawls.refused":
    "Die Erfassung wurde nicht gestartet: Eine l\u00e4uft schon seit {since}. Wenn die Instanz, die sie ausf\u00fchrte, angehalten wurde, kannst du nach {until} eine neue starten.",
  "stats.crawls.refused.queued": "Die Erfassung wurde nicht gestartet: Eine wartet schon darauf, zu starten.",
};
