/** Strings of the calendar feeds. Keys start with "calendar.". */
export const fr = {
  "calendar.title": "Agenda du collectif",
  "calendar.intro":
    "Les réunions mensuelles, les étapes des portées de candidatures, la clôture des votes et les tours des tâches du collectif, dans votre logiciel d'agenda.",
  "calendar.subscribe": "Adresse à laquelle s'abonner :",
  "calendar.download": "Télécharger le fichier .ics",
  "calendar.upcoming": "Prochainement",
  "calendar.none": "Rien de prévu pour l'instant.",
  "calendar.feed.name": "{collective} : agenda du collectif",
  "calendar.mine.name": "{collective} : mes tours",
  "calendar.mine.title": "Mes tours, dans mon agenda",
  "calendar.mine.intro":
    "Une adresse secrète, rien qu'à vous, qui donne les tours que vous avez pris. Ne la partagez pas ; vous pouvez la révoquer à tout moment.",
  "calendar.mine.fresh":
    "Voici votre adresse personnelle. Copiez-la maintenant dans votre logiciel d'agenda : elle ne sera plus affichée.",
  "calendar.mine.active": "Vous avez une adresse personnelle, créée le {date}.",
  "calendar.mine.none": "Vous n'avez pas d'adresse personnelle.",
  "calendar.mine.create": "Créer mon adresse personnelle",
  "calendar.mine.renew": "Remplacer par une nouvelle adresse",
  "calendar.mine.revoke": "Révoquer mon adresse",
  "calendar.mine.revoked": "Votre adresse personnelle ne fonctionne plus.",
  "calendar.meeting.description":
    "Réunion mensuelle du collectif : ordre du jour et lien sur la page de la réunion.",
  "calendar.round.open": "{round} : candidatures ouvertes",
  "calendar.round.review": "{round} : examen des candidatures",
  "calendar.round.vote": "{round} : vote des membres",
  "calendar.round.description": "Étape de la portée {round}.",
  "calendar.vote.closes": "Clôture du vote : {title}",
  "calendar.vote.description": "Dernier moment pour voter, une voix par structure membre.",
  "calendar.turn.needed": "{chore} (personne pour l'instant)",
  "calendar.turn.description": "Tour de la tâche « {chore} ».",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "calendar.title": "The collective's calendar",
  "calendar.intro":
    "The monthly meetings, the steps of the application rounds, votes closing and the turns of the collective chores, in your calendar application.",
  "calendar.subscribe": "Address to subscribe to:",
  "calendar.download": "Download the .ics file",
  "calendar.upcoming": "Coming up",
  "calendar.none": "Nothing planned yet.",
  "calendar.feed.name": "{collective}: the collective's calendar",
  "calendar.mine.name": "{collective}: my turns",
  "calendar.mine.title": "My turns, in my calendar",
  "calendar.mine.intro":
    "A secret address, yours alone, that gives the turns you took. Do not share it; you can revoke it at any time.",
  "calendar.mine.fresh":
    "Here is your personal address. Copy it into your calendar application now: it will not be shown again.",
  "calendar.mine.active": "You have a personal address, made on {date}.",
  "calendar.mine.none": "You have no personal address.",
  "calendar.mine.create": "Make my personal address",
  "calendar.mine.renew": "Replace it with a new address",
  "calendar.mine.revoke": "Revoke my address",
  "calendar.mine.revoked": "Your personal address no longer works.",
  "calendar.meeting.description": "The collective's monthly meeting: agenda and link on the meeting's page.",
  "calendar.round.open": "{round}: applications open",
  "calendar.round.review": "{round}: applications reviewed",
  "calendar.round.vote": "{round}: members vote",
  "calendar.round.description": "A step of round {round}.",
  "calendar.vote.closes": "Vote closes: {title}",
  "calendar.vote.description": "Last moment to vote, one vote per member structure.",
  "calendar.turn.needed": "{chore} (nobody yet)",
  "calendar.turn.description": 'A turn of the chore "{chore}".',
};

export const de: Record<keyof typeof fr, string> = {
  "calendar.title": "Kalender des Kollektivs",
  "calendar.intro":
    "Die monatlichen Treffen, die Phasen der Bewerbungsrunden, das Ende der Abstimmungen und die Dienste der Aufgaben des Kollektivs – in Ihrer Kalender-Anwendung.",
  "calendar.subscribe": "Adresse zum Abonnieren:",
  "calendar.download": "Die .ics-Datei herunterladen",
  "calendar.upcoming": "Demnächst",
  "calendar.none": "Noch nichts geplant.",
  "calendar.feed.name": "{collective}: Kalender des Kollektivs",
  "calendar.mine.name": "{collective}: meine Dienste",
  "calendar.mine.title": "Meine Dienste in meinem Kalender",
  "calendar.mine.intro":
    "Eine geheime Adresse nur für Sie, die Ihre übernommenen Dienste enthält. Geben Sie sie nicht weiter; Sie können sie jederzeit widerrufen.",
  "calendar.mine.fresh":
    "Hier ist Ihre persönliche Adresse. Kopieren Sie sie jetzt in Ihre Kalender-Anwendung: Sie wird nicht noch einmal angezeigt.",
  "calendar.mine.active": "Sie haben eine persönliche Adresse, erstellt am {date}.",
  "calendar.mine.none": "Sie haben keine persönliche Adresse.",
  "calendar.mine.create": "Meine persönliche Adresse erstellen",
  "calendar.mine.renew": "Durch eine neue Adresse ersetzen",
  "calendar.mine.revoke": "Meine Adresse widerrufen",
  "calendar.mine.revoked": "Ihre persönliche Adresse funktioniert nicht mehr.",
  "calendar.meeting.description":
    "Monatliches Treffen des Kollektivs: Tagesordnung und Link auf der Seite des Treffens.",
  "calendar.round.open": "{round}: Bewerbungen offen",
  "calendar.round.review": "{round}: Prüfung der Bewerbungen",
  "calendar.round.vote": "{round}: Abstimmung der Mitglieder",
  "calendar.round.description": "Eine Phase der Runde {round}.",
  "calendar.vote.closes": "Ende der Abstimmung: {title}",
  "calendar.vote.description": "Letzte Gelegenheit zur Stimmabgabe, eine Stimme pro Mitgliedsstruktur.",
  "calendar.turn.needed": "{chore} (noch niemand)",
  "calendar.turn.description": "Ein Dienst der Aufgabe „{chore}“.",
};
