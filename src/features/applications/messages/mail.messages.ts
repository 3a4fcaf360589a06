/** E-mails of the application process. */
export const fr = {
  "applications.mail.submitted.subject": "Candidature envoyée pour {round}",
  "applications.mail.submitted.body":
    "Bonjour,\n\nLa candidature {name_of} est enregistrée pour {round}. Les membres du collectif vont la relire et pourront vous poser des questions : vous serez prévenu·e par courriel.\n\nLe dossier : {link}\n",
  "applications.mail.question.subject": "Une question sur la candidature {name_of}",
  "applications.mail.question.body":
    "Bonjour,\n\n{author} pose une question sur la candidature {name_of} :\n\n{body}\n\nRépondre : {link}\n",
  "applications.mail.reply.subject": "Réponse {name_of}",
  "applications.mail.reply.body":
    "Bonjour,\n\n{author} a répondu dans le dossier de candidature {name_of} :\n\n{body}\n\nLe fil : {link}\n",
  "applications.mail.in_vote.subject": "Votre candidature est au vote ({round})",
  "applications.mail.in_vote.body":
    "Bonjour,\n\nLa relecture est terminée : les structures membres votent maintenant sur la candidature {name_of} ({round}). Vous pouvez encore répondre aux questions.\n\nLe dossier : {link}\n",
  "applications.mail.vote_open.subject": "Vote ouvert sur les candidatures ({round})",
  "applications.mail.vote_open.body":
    "Bonjour,\n\nLe vote est ouvert sur les candidatures ({round}) :\n{list}\n\nUne voix par structure membre, modifiable jusqu'à la clôture : {link}\n",
  "applications.mail.accepted.subject": "Bienvenue dans le collectif !",
  "applications.mail.accepted.body":
    "Bonjour,\n\nLe vote est clos : {name} est acceptée dans le collectif. Votre structure apparaît désormais dans l'annuaire des membres.\n\nLe détail du vote : {link}\n",
  "applications.mail.refused.subject": "Votre candidature n'a pas été acceptée",
  "applications.mail.refused.body":
    "Bonjour,\n\nLe vote est clos : la candidature {name_of} n'est pas acceptée cette fois. Les motifs donnés :\n\n{reasons}\n\nVous pourrez candidater de nouveau à une prochaine portée. Le détail : {link}\n",
  "applications.mail.postponed.subject": "Votre candidature est reportée",
  "applications.mail.postponed.body":
    "Bonjour,\n\nTrop peu de structures ont voté sur la candidature {name_of} : elle est reportée à la portée suivante, sans rien à refaire de votre côté.\n\nLe dossier : {link}\n",
  "applications.mail.reassessment.subject": "Réévaluez votre conformité à la charte",
  "applications.mail.reassessment.body":
    "Bonjour,\n\nComme chaque membre régulièrement, {name} est invitée à répondre de nouveau à la charte en vigueur, avant le {date}. Les vérifications automatiques de votre site et de vos services ont été relancées.\n\nLe formulaire : {link}\n",
  "applications.mail.decision_open.subject": "Vote ouvert : {title}",
  "applications.mail.decision_open.body":
    "Bonjour,\n\nUn vote du collectif est ouvert : {title}.\nUne voix par structure membre, jusqu'au {date}.\n\nVoter : {link}\n",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "applications.mail.submitted.subject": "Application sent for {round}",
  "applications.mail.submitted.body":
    "Hello,\n\nThe application of {name} is recorded for {round}. The collective's members will review it and may ask you questions: you will be told by e-mail.\n\nThe file: {link}\n",
  "applications.mail.question.subject": "A question about the application of {name}",
  "applications.mail.question.body":
    "Hello,\n\n{author} asks a question about the application of {name}:\n\n{body}\n\nAnswer: {link}\n",
  "applications.mail.reply.subject": "Answer from {name}",
  "applications.mail.reply.body":
    "Hello,\n\n{author} answered in the application file of {name}:\n\n{body}\n\nThe thread: {link}\n",
  "applications.mail.in_vote.subject": "Your application is in vote ({round})",
  "applications.mail.in_vote.body":
    "Hello,\n\nThe review is over: member structures now vote on the application of {name} ({round}). You can still answer questions.\n\nThe file: {link}\n",
  "applications.mail.vote_open.subject": "Vote open on the applications ({round})",
  "applications.mail.vote_open.body":
    "Hello,\n\nThe vote is open on the applications ({round}):\n{list}\n\nOne voice per member structure, changeable until the close: {link}\n",
  "applications.mail.accepted.subject": "Welcome to the collective!",
  "applications.mail.accepted.body":
    "Hello,\n\nThe vote is closed: {name} is accepted into the collective. Your structure now appears in the members' directory.\n\nThe details of the vote: {link}\n",
  "applications.mail.refused.subject": "Your application was not accepted",
  "applications.mail.refused.body":
    "Hello,\n\nThe vote is closed: the application of {name} is not accepted this time. The reasons given:\n\n{reasons}\n\nYou may apply again in a later round. The details: {link}\n",
  "applications.mail.postponed.subject": "Your application is postponed",
  "applications.mail.postponed.body":
    "Hello,\n\nToo few structures voted on the application of {name}: it moves to the next round, with nothing to redo on your side.\n\nThe file: {link}\n",
  "applications.mail.reassessment.subject": "Re-assess your compliance with the charter",
  "applications.mail.reassessment.body":
    "Hello,\n\nLike every member from time to time, {name} is asked to answer the charter in force again, before {date}. The automated checks of your website and services have run again.\n\nThe form: {link}\n",
  "applications.mail.decision_open.subject": "Vote open: {title}",
  "applications.mail.decision_open.body":
    "Hello,\n\nA vote of the collective is open: {title}.\nOne voice per member structure, until {date}.\n\nVote: {link}\n",
};

export const de: Record<keyof typeof fr, string> = {
  "applications.mail.submitted.subject": "Bewerbung für {round} abgeschickt",
  "applications.mail.submitted.body":
    "Hallo,\n\ndie Bewerbung von {name} ist für {round} erfasst. Die Mitglieder des Kollektivs werden sie prüfen und können dir Fragen stellen: Du bekommst dann eine E-Mail.\n\nDie Bewerbung: {link}\n",
  "applications.mail.question.subject": "Eine Frage zur Bewerbung von {name}",
  "applications.mail.question.body":
    "Hallo,\n\n{author} stellt eine Frage zur Bewerbung von {name}:\n\n{body}\n\nAntworten: {link}\n",
  "applications.mail.reply.subject": "Antwort von {name}",
  "applications.mail.reply.body":
    "Hallo,\n\n{author} hat in der Bewerbung von {name} geantwortet:\n\n{body}\n\nDer Verlauf: {link}\n",
  "applications.mail.in_vote.subject": "Über deine Bewerbung wird abgestimmt ({round})",
  "applications.mail.in_vote.body":
    "Hallo,\n\ndie Prüfung ist abgeschlossen: Die Mitgliedsstrukturen stimmen jetzt über die Bewerbung von {name} ab ({round}). Du kannst weiterhin auf Fragen antworten.\n\nDie Bewerbung: {link}\n",
  "applications.mail.vote_open.subject": "Abstimmung über die Bewerbungen eröffnet ({round})",
  "applications.mail.vote_open.body":
    "Hallo,\n\ndie Abstimmung über die Bewerbungen ist eröffnet ({round}):\n{list}\n\nEine Stimme pro Mitgliedsstruktur, änderbar bis zum Abschluss: {link}\n",
  "applications.mail.accepted.subject": "Willkommen im Kollektiv!",
  "applications.mail.accepted.body":
    "Hallo,\n\ndie Abstimmung ist beendet: {name} ist in das Kollektiv aufgenommen. Deine Struktur erscheint jetzt im Mitgliederverzeichnis.\n\nEinzelheiten der Abstimmung: {link}\n",
  "applications.mail.refused.subject": "Deine Bewerbung wurde nicht angenommen",
  "applications.mail.refused.body":
    "Hallo,\n\ndie Abstimmung ist beendet: Die Bewerbung von {name} wurde diesmal nicht angenommen. Die genannten Gründe:\n\n{reasons}\n\nDu kannst dich in einer der nächsten Aufnahmerunden erneut bewerben. Einzelheiten: {link}\n",
  "applications.mail.postponed.subject": "Deine Bewerbung ist verschoben",
  "applications.mail.postponed.body":
    "Hallo,\n\nzu wenige Strukturen haben über die Bewerbung von {name} abgestimmt: Sie wird auf die nächste Aufnahmerunde verschoben, ohne dass du etwas neu machen musst.\n\nDie Bewerbung: {link}\n",
  "applications.mail.reassessment.subject": "Bewerte deine Einhaltung der Charta neu",
  "applications.mail.reassessment.body":
    "Hallo,\n\nwie jedes Mitglied in regelmäßigen Abständen ist {name} eingeladen, die gültige Charta bis zum {date} erneut zu beantworten. Die automatischen Prüfungen deiner Website und deiner Dienste wurden neu gestartet.\n\nDas Formular: {link}\n",
  "applications.mail.decision_open.subject": "Abstimmung eröffnet: {title}",
  "applications.mail.decision_open.body":
    "Hallo,\n\neine Abstimmung des Kollektivs ist eröffnet: {title}.\nEine Stimme pro Mitgliedsstruktur, bis zum {date}.\n\nAbstimmen: {link}\n",
};
