import type { fr } from "./messages.fr.js";

/** German strings of the entraide feature; a key missing here fails the type check. */
export const de: Record<keyof typeof fr, string> = {
  "entraide.title": "Entraide",

  "entraide.portal.title": "Online-Dienste ohne Registrierung",
  "entraide.portal.description":
    "Pads, Videokonferenzen, Umfragen, Dateiaustausch … freie Werkzeuge für den Alltag, ohne Konto, geliehen von den Mitgliedern des Kollektivs.",
  "entraide.portal.lead":
    "Freie Werkzeuge für den Alltag, geliehen von den Mitgliedern des Kollektivs {collective}. Ein Klick bringt dich zu einem von ihnen, ausgelost unter denen, deren Dienst gerade funktioniert.",
  "entraide.portal.use": "Nutzen",
  "entraide.portal.software": "Software: {software}",
  "entraide.portal.hosts":
    "{count, plural, one {Zurzeit von # Mitglied angeboten} other {Zurzeit von # Mitgliedern angeboten}}",
  "entraide.portal.none_now": "Zurzeit nicht verfügbar",
  "entraide.portal.choose": "Mitglied auswählen",
  "entraide.portal.how.title": "Wie funktioniert das?",
  "entraide.portal.how.random":
    "Jeder Dienst wird von mehreren Mitgliedern angeboten. Das Portal prüft alle zwei Minuten, ob ihre Instanzen wirklich antworten (nicht nur, ob der Server läuft), und verteilt die Besucherinnen und Besucher auf die funktionierenden, je nach der Kapazität, die jedes Mitglied angegeben hat.",
  "entraide.portal.how.privacy":
    "Kein Konto, kein Cookie, keine Spur deines Besuchs: Das Portal speichert nur, wie viele Besuche pro Tag an jede Instanz weitergeleitet wurden.",
  "entraide.portal.how.terms":
    "Den Dienst erbringt das Mitglied, bei dem du landest, nach seinen eigenen Nutzungsbedingungen: Das Portal zeigt sie dir, bevor es dich weiterleitet.",
  "entraide.portal.volunteer":
    "Deine Struktur ist Mitglied des Kollektivs? Biete in deiner Übersicht eine Instanz an.",
  "entraide.portal.nav.members": "Die Mitglieder",
  "entraide.portal.footer": "Entraide-Portal von {collective}. Kein Tracking, kein Cookie.",

  "entraide.go.title": "{service} bei {member}",
  "entraide.go.heading": "{service}, bei {member}",
  "entraide.go.hosted_by": "Diesen Dienst leiht dir",
  "entraide.go.member_page": "wer ist das?",
  "entraide.go.terms": "Seine Nutzungsbedingungen",
  "entraide.go.no_terms": "Dieses Mitglied hat keine Nutzungsbedingungen veröffentlicht.",
  "entraide.go.continue": "Weiter zu {service}",
  "entraide.go.auto": "Du wirst weitergeleitet; falls nicht, folge dem Link oben.",
  "entraide.go.another": "Zu einem anderen Mitglied",
  "entraide.go.unavailable_choice":
    "Das Mitglied, das du gewählt hattest, ist gerade nicht verfügbar: Hier ist ein anderes Mitglied, das diesen Dienst anbietet.",
  "entraide.go.choose": "Oder wähle das Mitglied",
  "entraide.go.back": "Alle Dienste des Portals",

  "entraide.none.title": "{service}: keine Instanz verfügbar",
  "entraide.none.body":
    "Keine der Instanzen, die die Mitglieder dem Portal für diesen Dienst leihen, funktioniert gerade. Versuch es in ein paar Minuten noch einmal.",
  "entraide.none.outside": "Diese Mitglieder bieten den Dienst auch außerhalb des Portals an:",
  "entraide.none.no_alternatives": "Zurzeit bietet kein Mitglied diesen Dienst außerhalb des Portals an.",
  "entraide.access.none": "ohne Konto",
  "entraide.access.open": "freie Registrierung",
  "entraide.unknown.title": "Unbekannter Dienst",
  "entraide.unknown.body": "Unter dieser Adresse bietet das Portal keinen Dienst an. Diese bietet es an:",

  "entraide.manage.title": "Entraide-Portal: {member}",
  "entraide.manage.intro":
    "Leih dem Portal Instanzen von Diensten, die ohne Konto nutzbar sind. Sobald das Team des Kollektivs eine Instanz freigegeben hat, bekommt sie Besuch, solange die automatischen Prüfungen sie funktionstüchtig finden; fällt sie aus, bekommst du eine E-Mail.",
  "entraide.manage.none": "Noch keine Instanz.",
  "entraide.manage.not_member": "Nur Mitgliedsstrukturen des Kollektivs können dem Portal Instanzen leihen.",
  "entraide.manage.no_services":
    "Keiner der Dienste deiner Struktur im Verzeichnis gehört zu einer Kategorie des Portals: Füg ihn zuerst dem Verzeichnis hinzu.",
  "entraide.manage.add_service": "Einen Dienst zum Verzeichnis hinzufügen",
  "entraide.manage.dashboard": "Übersicht der Struktur",
  "entraide.col.service": "Dienst",
  "entraide.col.url": "Adresse",
  "entraide.col.software": "Software",
  "entraide.col.weight": "Kapazität",
  "entraide.col.max_share": "Höchstanteil",
  "entraide.col.state": "Stand",
  "entraide.col.last_check": "Letzte Prüfung",
  "entraide.col.visits": "Besuche (30 T.)",
  "entraide.col.uptime": "Verfügbarkeit (30 T.)",
  "entraide.col.actions": "Aktionen",
  "entraide.col.member": "Mitglied",
  "entraide.col.day": "Tag",
  "entraide.col.checks": "Erfolgreiche Prüfungen",
  "entraide.col.mean_ms": "Mittlere Antwortzeit",
  "entraide.history": "Verlauf über 30 Tage",
  "entraide.never_checked": "nie",
  "entraide.ms": "{ms} ms",
  "entraide.approval.pending": "wartet auf Freigabe",
  "entraide.approval.approved": "freigegeben",
  "entraide.approval.rejected": "abgelehnt",
  "entraide.health.unknown": "noch nicht geprüft",
  "entraide.health.up": "in Betrieb",
  "entraide.health.down": "außer Betrieb",
  "entraide.paused": "pausiert",
  "entraide.action.pause": "Pausieren",
  "entraide.action.resume": "Fortsetzen",
  "entraide.action.check": "Jetzt prüfen",
  "entraide.action.edit": "Bearbeiten",
  "entraide.action.withdraw": "Aus dem Portal nehmen",
  "entraide.action.withdraw.confirm": "Diese Instanz aus dem Portal nehmen? Ihr Verlauf bleibt erhalten.",
  "entraide.action.approve": "Freigeben",
  "entraide.action.reject": "Ablehnen",

  "entraide.form.new": "Eine Instanz leihen",
  "entraide.form.edit": "Instanz bearbeiten",
  "entraide.form.service": "Dienst",
  "entraide.form.directory_service": "Dienst deiner Struktur im Verzeichnis",
  "entraide.form.directory_service.hint":
    "Adresse und Software sind die seines Eintrags im Verzeichnis: die Seite, auf der ein Besuch beginnt, ohne Konto und ohne Weiterleitung auf eine andere Domain.",
  "entraide.form.directory_service.change_hint":
    "Wenn du einen anderen Dienst wählst oder seine Adresse im Verzeichnis änderst, wartet die Instanz wieder auf Freigabe.",
  "entraide.form.directory_service.option": "{name} — {url} ({category})",
  "entraide.form.weight": "Kapazität (1 bis 10)",
  "entraide.form.weight.hint":
    "Der Anteil der Besuche, den die Instanz im Verhältnis zu den anderen bekommt: 10 bekommt zehnmal so viele wie 1.",
  "entraide.form.max_share": "Höchstanteil der Besuche (%)",
  "entraide.form.max_share.hint":
    "Nie mehr als dieser Prozentsatz der Besuche des Dienstes, solange andere Mitglieder sie aufnehmen können.",
  "entraide.form.paused": "Pausiert: Das Portal leitet niemanden dorthin.",
  "entraide.form.submit": "Instanz anbieten",
  "entraide.form.id": "Kennung (in der Adresse /entraide/…)",
  "entraide.form.id.hint":
    "Kleinbuchstaben, Ziffern und Bindestriche; sie lässt sich später nicht mehr ändern.",
  "entraide.form.name_fr": "Name (Französisch)",
  "entraide.form.name_en": "Name (Englisch)",
  "entraide.form.description_fr": "Beschreibung in einem Satz (Französisch)",
  "entraide.form.description_en": "Beschreibung in einem Satz (Englisch)",
  "entraide.form.name_de": "Name (Deutsch, optional)",
  "entraide.form.description_de": "Beschreibung in einem Satz (Deutsch, optional)",
  "entraide.form.de.hint": "Bleibt es leer, zeigen deutsche Seiten den englischen Text.",
  "entraide.form.icon": "Symbol",
  "entraide.form.category": "Kategorie im Verzeichnis",
  "entraide.form.category.hint":
    "Damit lassen sich die Mitglieder nennen, die diesen Dienst außerhalb des Portals anbieten, wenn keine Instanz funktioniert.",
  "entraide.form.software_list": "Software, die diesen Dienst bereitstellt",
  "entraide.form.position": "Position in der Liste",
  "entraide.form.enabled": "Im Portal angezeigt",

  "entraide.error.software_mismatch": "Diese Software stellt diesen Dienst nicht bereit.",
  "entraide.error.directory_service": "Wähle einen der Dienste deiner Struktur im Verzeichnis.",
  "entraide.error.directory_category":
    "Dieser Dienst des Verzeichnisses gehört nicht zur Kategorie dieses Portaldienstes.",
  "entraide.error.software_unknown":
    "Das Verzeichnis nennt keine Software für diesen Dienst: Trag sie zuerst in seinem Eintrag ein.",
  "entraide.error.service": "Wähle einen der Dienste des Portals.",
  "entraide.error.url_private":
    "Diese Adresse führt in ein privates Netz: Das Portal kann niemanden dorthin weiterleiten.",
  "entraide.error.url_redirect":
    "Diese Adresse leitet auf eine andere Domain weiter: Gib die endgültige Adresse an.",
  "entraide.error.url_scheme": "Nur Adressen mit http:// und https:// werden angenommen.",
  "entraide.error.url_unreachable":
    "Diese Adresse antwortet nicht ({reason}). Prüfe sie und versuch es noch einmal.",
  "entraide.error.weight": "Wähle eine ganze Zahl von 1 bis 10.",
  "entraide.error.max_share": "Wähle einen ganzzahligen Prozentsatz von 1 bis 100 oder lass das Feld leer.",
  "entraide.error.service_id":
    "2 bis 40 Kleinbuchstaben, Ziffern oder Bindestriche, und kein reserviertes Wort.",
  "entraide.error.software_required": "Wähle mindestens eine Software.",

  "entraide.flash.proposed": "Instanz angeboten: Das Team des Kollektivs wird sie freigeben.",
  "entraide.flash.saved": "Instanz gespeichert.",
  "entraide.flash.paused": "Instanz pausiert: Das Portal leitet niemanden mehr dorthin.",
  "entraide.flash.resumed": "Instanz fortgesetzt.",
  "entraide.flash.withdrawn": "Instanz aus dem Portal genommen.",
  "entraide.flash.checked_ok": "Prüfung erfolgreich.",
  "entraide.flash.checked_failed": "Prüfung fehlgeschlagen: {reason}",
  "entraide.flash.approved": "Instanz freigegeben.",
  "entraide.flash.rejected": "Instanz abgelehnt.",
  "entraide.flash.service_saved": "Dienst gespeichert.",

  "entraide.admin.title": "Entraide-Portal",
  "entraide.admin.pending": "Freizugebende Instanzen",
  "entraide.admin.pending.none": "Keine Instanz wartet.",
  "entraide.admin.instances": "Alle Instanzen",
  "entraide.admin.services": "Dienste des Portals",
  "entraide.admin.service.new": "Dienst hinzufügen",
  "entraide.admin.service.edit": "Dienst {service} bearbeiten",
  "entraide.admin.enabled": "angezeigt",
  "entraide.admin.disabled": "ausgeblendet",

  "entraide.panel.title": "Entraide-Portal",
  "entraide.panel.manage": "Dem Portal geliehene Instanzen verwalten",
  "entraide.panel.none": "Deine Struktur leiht dem Entraide-Portal noch keine Instanz.",
  "entraide.panel.pending":
    "{count, plural, one {# Instanz wartet auf Freigabe.} other {# Instanzen warten auf Freigabe.}}",
  "entraide.panel.review": "Instanzen freigeben",
  "entraide.member.title": "Entraide-Portal",
  "entraide.member.intro": "{member} leiht dem Entraide-Portal diese Dienste:",
  "entraide.member.visits":
    "{count, plural, one {# Besuch in den letzten 30 Tagen weitergeleitet} other {# Besuche in den letzten 30 Tagen weitergeleitet}}",

  "entraide.mail.down.subject": "Entraide-Portal: Deine Instanz {service} ist außer Betrieb",
  "entraide.mail.down.body":
    "Hallo,\n\ndie {software}-Instanz, die {member} dem Entraide-Portal von {collective} leiht, besteht die Prüfungen nicht mehr:\n\n  {url}\n  Grund: {reason}\n\nDas Portal leitet niemanden mehr dorthin. Es prüft sie weiterhin alle zwei Minuten und leitet wieder Besuche dorthin, sobald sie wieder richtig antwortet. Bis dahin bekommst du keine weitere Nachricht.\n\nUm ihren Stand zu sehen oder sie zu pausieren:\n{link}\n",

  "entraide.reason.ok": "die erwartete Seite antwortet",
  "entraide.reason.slow": "Antwort zu langsam",
  "entraide.reason.http-error": "Serverfehler (Code 5xx)",
  "entraide.reason.http-status": "unerwarteter Antwortcode",
  "entraide.reason.login-wall": "statt des Dienstes erscheint eine Anmeldeseite",
  "entraide.reason.bot-challenge": "statt des Dienstes erscheint eine Anti-Bot-Seite",
  "entraide.reason.parked": "die Domain zeigt eine Parkseite",
  "entraide.reason.error-page": "eine Fehlerseite erscheint",
  "entraide.reason.content-mismatch": "die Seite sieht nicht nach der angegebenen Software aus",
  "entraide.reason.empty": "die Seite ist leer",
  "entraide.reason.timeout": "keine Antwort innerhalb der Frist",
  "entraide.reason.tls": "ungültiges TLS-Zertifikat",
  "entraide.reason.dns": "der Domainname lässt sich nicht auflösen",
  "entraide.reason.network": "keine Verbindung möglich",
  "entraide.reason.blocked-address": "private oder reservierte Adresse",
  "entraide.reason.redirect-off-site": "Weiterleitung auf eine andere Domain",
  "entraide.reason.too-many-redirects": "zu viele Weiterleitungen",
  "entraide.reason.too-large": "Seite zu groß",
  "entraide.reason.bad-url": "ungültige Adresse",
};
