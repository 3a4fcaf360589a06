/** Strings of asking a named person to take a turn, and of announcing turns with nobody. */
export const fr = {
  "chores.ask": "Demander à quelqu'un",
  "chores.ask.title": "Demander à quelqu'un de prendre ce tour",
  "chores.ask.lead": "« {chore} », le {date}. La personne reçoit un courriel et répond depuis la plateforme.",
  "chores.ask.person": "Personne à qui demander",
  "chores.ask.person.hint":
    "Les personnes des structures membres, celles qui ont pris le moins de tours en premier.",
  "chores.ask.suggested": "Suggestion : {name}, qui a pris le moins de tours ces six derniers mois.",
  "chores.ask.turns_lately":
    "{name} — {count, plural, =0 {aucun tour} one {# tour} other {# tours}} depuis six mois",
  "chores.ask.send": "Envoyer la demande",
  "chores.ask.sent": "Demande envoyée.",
  "chores.ask.not_free": "Ce tour a déjà quelqu'un.",
  "chores.ask.pending": "demandé à {name}, sans réponse",
  "chores.ask.back": "← Retour aux tâches",
  "chores.request.title": "Une demande de tour",
  "chores.request.lead": "{asker} vous demande de prendre « {chore} », le {date}.",
  "chores.request.lead_anonymous": "La coordination vous demande de prendre « {chore} », le {date}.",
  "chores.request.accept": "J'accepte",
  "chores.request.decline": "Je ne peux pas",
  "chores.request.accepted": "Merci ! Ce tour est à votre nom.",
  "chores.request.declined": "C'est noté : la coordination demandera à quelqu'un d'autre.",
  "chores.request.taken": "Quelqu'un a pris ce tour entre-temps : rien à faire.",
  "chores.request.status.pending": "en attente de votre réponse",
  "chores.request.status.accepted": "acceptée",
  "chores.request.status.declined": "refusée",
  "chores.request.status.cancelled": "retirée",
  "chores.request.answered": "Demande {status}.",
  "chores.requests.mine": "On vous demande",
  "chores.requests.answer": "Répondre",
  "chores.panel.asked":
    "{count, plural, one {On vous demande de prendre un tour.} other {On vous demande de prendre # tours.}}",
  "chores.mail.ask.subject": "Pouvez-vous prendre « {chore} » le {date} ?",
  "chores.mail.ask.body":
    "Bonjour {name},\n\n{asker} vous demande de prendre « {chore} », prévu le {date}.\nAcceptez ou refusez ici (connexion nécessaire) : {link}\n\nMerci !\n",
  "chores.mail.ask_reminder.subject": "Rappel : pouvez-vous prendre « {chore} » le {date} ?",
  "chores.mail.ask_reminder.body":
    "Bonjour {name},\n\nOn vous a demandé il y a quelques jours de prendre « {chore} », prévu le {date}, et la demande attend votre réponse.\nAcceptez ou refusez ici (connexion nécessaire) : {link}\n",
  "chores.mail.declined.subject": "{name} ne peut pas prendre « {chore} » le {date}",
  "chores.mail.declined.body":
    "Bonjour,\n\n{name} a refusé la demande de prendre « {chore} », prévu le {date}.\nDemandez à quelqu'un d'autre ici : {link}\n",
  "chores.mail.nobody.subject":
    "{count, plural, one {Un tour cherche quelqu'un cette semaine} other {# tours cherchent quelqu'un cette semaine}}",
  "chores.mail.nobody.body":
    "Bonjour {name},\n\nCes tours du collectif commencent dans les sept jours et personne ne les a pris :\n{list}\n\nPouvez-vous en prendre un ? Tout se passe ici : {link}\nMerci !\n",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "chores.ask": "Ask someone",
  "chores.ask.title": "Ask someone to take this turn",
  "chores.ask.lead": "“{chore}”, on {date}. The person gets an email and answers from the platform.",
  "chores.ask.person": "Person to ask",
  "chores.ask.person.hint": "People of the member structures, those who took the fewest turns first.",
  "chores.ask.suggested": "Suggestion: {name}, who took the fewest turns in the last six months.",
  "chores.ask.turns_lately":
    "{name} — {count, plural, =0 {no turn} one {# turn} other {# turns}} in six months",
  "chores.ask.send": "Send the request",
  "chores.ask.sent": "Request sent.",
  "chores.ask.not_free": "This turn already has someone.",
  "chores.ask.pending": "asked {name}, no answer yet",
  "chores.ask.back": "← Back to the chores",
  "chores.request.title": "A turn request",
  "chores.request.lead": "{asker} asks you to take “{chore}”, on {date}.",
  "chores.request.lead_anonymous": "The coordinators ask you to take “{chore}”, on {date}.",
  "chores.request.accept": "I accept",
  "chores.request.decline": "I can't",
  "chores.request.accepted": "Thank you! This turn is in your name.",
  "chores.request.declined": "Noted: the coordinators will ask someone else.",
  "chores.request.taken": "Someone took this turn in the meantime: nothing to do.",
  "chores.request.status.pending": "waiting for your answer",
  "chores.request.status.accepted": "accepted",
  "chores.request.status.declined": "declined",
  "chores.request.status.cancelled": "withdrawn",
  "chores.request.answered": "Request {status}.",
  "chores.requests.mine": "You are asked",
  "chores.requests.answer": "Answer",
  "chores.panel.asked":
    "{count, plural, one {You are asked to take a turn.} other {You are asked to take # turns.}}",
  "chores.mail.ask.subject": "Could you take “{chore}” on {date}?",
  "chores.mail.ask.body":
    "Hello {name},\n\n{asker} asks you to take “{chore}”, due on {date}.\nAccept or decline here (sign-in needed): {link}\n\nThank you!\n",
  "chores.mail.ask_reminder.subject": "Reminder: could you take “{chore}” on {date}?",
  "chores.mail.ask_reminder.body":
    "Hello {name},\n\nA few days ago you were asked to take “{chore}”, due on {date}, and the request is waiting for your answer.\nAccept or decline here (sign-in needed): {link}\n",
  "chores.mail.declined.subject": "{name} can't take “{chore}” on {date}",
  "chores.mail.declined.body":
    "Hello,\n\n{name} declined the request to take “{chore}”, due on {date}.\nAsk someone else here: {link}\n",
  "chores.mail.nobody.subject":
    "{count, plural, one {A turn needs someone this week} other {# turns need someone this week}}",
  "chores.mail.nobody.body":
    "Hello {name},\n\nThese turns of the collective start within seven days and nobody has taken them:\n{list}\n\nCould you take one? It all happens here: {link}\nThank you!\n",
};

export const de: Record<keyof typeof fr, string> = {
  "chores.ask": "Jemanden fragen",
  "chores.ask.title": "Jemanden bitten, diese Schicht zu übernehmen",
  "chores.ask.lead": "„{chore}“ am {date}. Die Person bekommt eine E-Mail und antwortet auf der Plattform.",
  "chores.ask.person": "Wen fragen",
  "chores.ask.person.hint":
    "Die Menschen der Mitgliedsstrukturen, wer am wenigsten Schichten übernommen hat, zuerst.",
  "chores.ask.suggested":
    "Vorschlag: {name}, die in den letzten sechs Monaten am wenigsten Schichten übernommen hat.",
  "chores.ask.turns_lately":
    "{name} — {count, plural, =0 {keine Schicht} one {# Schicht} other {# Schichten}} in sechs Monaten",
  "chores.ask.send": "Anfrage senden",
  "chores.ask.sent": "Anfrage gesendet.",
  "chores.ask.not_free": "Diese Schicht hat schon jemanden.",
  "chores.ask.pending": "{name} gefragt, noch keine Antwort",
  "chores.ask.back": "← Zurück zu den Aufgaben",
  "chores.request.title": "Eine Anfrage für eine Schicht",
  "chores.request.lead": "{asker} bittet dich, „{chore}“ am {date} zu übernehmen.",
  "chores.request.lead_anonymous": "Die Koordination bittet dich, „{chore}“ am {date} zu übernehmen.",
  "chores.request.accept": "Ich übernehme",
  "chores.request.decline": "Ich kann nicht",
  "chores.request.accepted": "Danke! Diese Schicht läuft auf deinen Namen.",
  "chores.request.declined": "Notiert: Die Koordination fragt jemand anderen.",
  "chores.request.taken": "Jemand hat diese Schicht inzwischen übernommen: nichts zu tun.",
  "chores.request.status.pending": "wartet auf deine Antwort",
  "chores.request.status.accepted": "angenommen",
  "chores.request.status.declined": "abgelehnt",
  "chores.request.status.cancelled": "zurückgezogen",
  "chores.request.answered": "Anfrage {status}.",
  "chores.requests.mine": "Du wirst gefragt",
  "chores.requests.answer": "Antworten",
  "chores.panel.asked":
    "{count, plural, one {Du wirst gebeten, eine Schicht zu übernehmen.} other {Du wirst gebeten, # Schichten zu übernehmen.}}",
  "chores.mail.ask.subject": "Kannst du „{chore}“ am {date} übernehmen?",
  "chores.mail.ask.body":
    "Hallo {name},\n\n{asker} bittet dich, „{chore}“ am {date} zu übernehmen.\nNimm hier an oder lehne ab (Anmeldung nötig): {link}\n\nDanke!\n",
  "chores.mail.ask_reminder.subject": "Erinnerung: Kannst du „{chore}“ am {date} übernehmen?",
  "chores.mail.ask_reminder.body":
    "Hallo {name},\n\nVor einigen Tagen wurdest du gebeten, „{chore}“ am {date} zu übernehmen, und die Anfrage wartet auf deine Antwort.\nNimm hier an oder lehne ab (Anmeldung nötig): {link}\n",
  "chores.mail.declined.subject": "{name} kann „{chore}“ am {date} nicht übernehmen",
  "chores.mail.declined.body":
    "Hallo,\n\n{name} hat die Anfrage abgelehnt, „{chore}“ am {date} zu übernehmen.\nFrag hier jemand anderen: {link}\n",
  "chores.mail.nobody.subject":
    "{count, plural, one {Eine Schicht sucht diese Woche jemanden} other {# Schichten suchen diese Woche jemanden}}",
  "chores.mail.nobody.body":
    "Hallo {name},\n\nDiese Schichten des Kollektivs beginnen in den nächsten sieben Tagen, und niemand hat sie übernommen:\n{list}\n\nKannst du eine übernehmen? Alles passiert hier: {link}\nDanke!\n",
};
