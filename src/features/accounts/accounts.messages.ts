import * as adminHome from "./admin-home.messages.js";

export const fr = {
  ...adminHome.fr,
  "login.title": "Se connecter",
  "login.intro": "Connectez-vous avec l'adresse électronique et le mot de passe de votre compte.",
  "login.email": "Adresse électronique",
  "login.password": "Mot de passe",
  "login.submit": "Se connecter",
  "login.forgot": "Mot de passe oublié ?",
  "login.signup": "Pas encore de compte ? Créez-en un.",
  "login.error.invalid": "Adresse ou mot de passe incorrect.",
  "login.error.disabled": "Ce compte est désactivé.",
  "login.error.throttled":
    "Trop d'essais pour ce compte : réessayez dans {wait}, ou recevez un lien de connexion par courriel (bouton « M'envoyer un lien de connexion »).",
  "login.wait.seconds": "{n} s",
  "login.wait.minutes": "{n} min",
  "login.link.submit": "M'envoyer un lien de connexion",
  "login.link.hint":
    "Sans mot de passe : indiquez votre adresse et recevez par courriel un lien de connexion, valable 15 minutes et une seule fois.",
  "login.link.sent":
    "Si un compte existe avec cette adresse, un lien de connexion vient d'y être envoyé. Il est valable 15 minutes.",
  "login.link.title": "Lien de connexion",
  "login.link.intro": "Vous allez vous connecter au compte {email}. Le lien ne sert qu'une fois.",
  "login.link.invalid":
    "Ce lien de connexion n'est plus valable (il a déjà servi ou a expiré). Demandez-en un nouveau depuis la page de connexion :",
  "login.link.mail.subject": "Votre lien de connexion à {collective}",
  "login.link.mail.body":
    "Bonjour {name},\n\nVoici un lien pour vous connecter à votre compte {collective}, valable 15 minutes et une seule fois :\n\n{link}\n\nSi vous ne l'avez pas demandé, ignorez ce message : votre mot de passe ne change pas.\n",

  "signup.title": "Créer un compte",
  "signup.intro":
    "Un compte sert aux membres du collectif et aux structures qui souhaitent candidater. Les visiteurs n'en ont pas besoin.",
  "signup.name": "Votre nom ou pseudonyme",
  "signup.email": "Adresse électronique",
  "signup.password": "Mot de passe",
  "signup.password.hint":
    "12 caractères au moins. Une phrase de plusieurs mots est plus sûre et plus facile à retenir.",
  "signup.confirm": "Mot de passe, une deuxième fois",
  "signup.submit": "Créer mon compte",
  "signup.error.mismatch": "Les deux mots de passe ne sont pas identiques.",
  "signup.error.taken":
    "Un compte existe déjà avec cette adresse. Connectez-vous ou réinitialisez le mot de passe.",
  "signup.done": "Votre compte est créé.",
  "signup.sent.title": "Vérifiez votre messagerie",
  "signup.sent":
    "Nous avons envoyé un message à {email}. Suivez le lien qu'il contient pour terminer : il est valable 24 heures.",
  "signup.sent.hint":
    "Rien reçu dans quelques minutes ? Regardez dans les indésirables, ou recommencez en vérifiant l'adresse.",
  "signup.confirm.title": "Terminer la création du compte",
  "signup.confirm.intro": "Confirmez l'adresse {email} pour créer votre compte et vous connecter.",
  "signup.confirm.invalid":
    "Ce lien n'est plus valable (il a déjà servi ou a expiré). Recommencez l'inscription, ou connectez-vous :",
  "signup.mail.subject": "Terminer la création de votre compte {collective}",
  "signup.mail.body":
    "Bonjour {name},\n\nPour terminer la création de votre compte {collective}, ouvrez ce lien dans les 24 heures :\n\n{link}\n\nSi vous n'avez rien demandé, ignorez ce message : aucun compte ne sera créé.\n",
  "signup.exists.mail.subject": "Vous avez déjà un compte {collective}",
  "signup.exists.mail.body":
    "Bonjour {name},\n\nQuelqu'un (vous, sans doute) a voulu créer un compte {collective} avec cette adresse, qui en a déjà un : aucun nouveau compte n'a été créé.\n\nPour vous connecter : {login}\nMot de passe oublié : {forgot}\n\nSi ce n'était pas vous, ignorez ce message : rien ne change.\n",

  "forgot.title": "Mot de passe oublié",
  "forgot.intro":
    "Indiquez l'adresse de votre compte : nous y enverrons un lien pour choisir un nouveau mot de passe.",
  "forgot.submit": "Envoyer le lien",
  "forgot.sent":
    "Si un compte existe avec cette adresse, un message vient d'y être envoyé. Le lien est valable une heure.",
  "forgot.mail.subject": "Choisir un nouveau mot de passe",
  "forgot.mail.body":
    "Bonjour {name},\n\nQuelqu'un (vous, sans doute) a demandé à changer le mot de passe de votre compte {collective}.\nPour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure :\n\n{link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne change.\n",

  "reset.title": "Choisir un nouveau mot de passe",
  "reset.password": "Nouveau mot de passe",
  "reset.submit": "Enregistrer le mot de passe",
  "reset.invalid": "Ce lien n'est plus valable (il a déjà servi ou a expiré). Demandez-en un nouveau.",
  "reset.done": "Votre mot de passe est enregistré. Vous êtes connecté·e.",

  "invite.mail.subject": "Votre compte sur {collective}",
  "invite.mail.body":
    "Bonjour {name},\n\n{inviter} vous a créé un compte sur la plateforme de {collective}.\nPour choisir votre mot de passe, ouvrez ce lien dans les sept jours :\n\n{link}\n",

  "account.title": "Mon compte",
  "account.profile": "Profil",
  "account.name": "Nom ou pseudonyme",
  "account.email": "Adresse électronique",
  "account.structures": "Mes structures",
  "account.structures.none": "Vous n'êtes rattaché·e à aucune structure.",
  "account.role.admin": "administrateur·ice de la structure",
  "account.role.member": "membre de la structure",
  "account.membership.candidate": "candidate",
  "account.membership.member": "membre du collectif",
  "account.membership.former": "ancien membre",
  "account.password.title": "Changer de mot de passe",
  "account.password.current": "Mot de passe actuel",
  "account.password.new": "Nouveau mot de passe",
  "account.password.submit": "Changer le mot de passe",
  "account.password.wrong": "Le mot de passe actuel n'est pas le bon.",
  "account.password.changed": "Mot de passe changé. Vos autres sessions ont été fermées.",
  "account.platform_admin": "Vous administrez la plateforme.",
  "account.data.title": "Vos données",
  "account.data.intro":
    "Téléchargez tout ce que la plateforme garde à votre sujet (format JSON), ou supprimez votre compte.",
  "account.data.export": "Télécharger mes données",
  "account.data.export_structure": "Télécharger les données {name_of}",
  "account.delete.title": "Supprimer mon compte",
  "account.delete.intro":
    "Votre compte, vos sessions et vos rattachements aux structures seront effacés. Les actions passées restent dans le journal d'audit du collectif, sans votre nom. Les structures elles-mêmes ne sont pas supprimées.",
  "account.delete.password": "Votre mot de passe, pour confirmer",
  "account.delete.submit": "Supprimer définitivement mon compte",
  "account.delete.last_admin":
    "Vous êtes la dernière personne à administrer la plateforme : nommez quelqu'un d'autre avant de partir.",
  "account.delete.done": "Votre compte a été supprimé.",

  "admin.title": "Administration",
  "admin.people": "Personnes",
  "admin.outbox": "Messages envoyés",
  "admin.audit": "Journal d'audit",
  "admin.jobs": "Tâches planifiées",
  "admin.people.create": "Ajouter une personne",
  "admin.people.create.hint":
    "La personne reçoit un message pour choisir son mot de passe. Elle peut être rattachée à une structure dès maintenant.",
  "admin.people.member": "Structure (facultatif)",
  "admin.people.role": "Rôle dans la structure",
  "admin.people.is_admin": "Administre la plateforme",
  "admin.people.created": "Compte créé ; un message d'invitation est parti.",
  "admin.people.col.name": "Nom",
  "admin.people.col.email": "Adresse",
  "admin.people.col.structures": "Structures",
  "admin.people.col.last_login": "Dernière connexion",
  "admin.people.never": "jamais",
  "admin.outbox.intro":
    "Sans serveur SMTP configuré, les messages restent ici : c'est la boîte d'envoi de la plateforme. Avec SMTP, c'est le journal des envois.",
  "admin.outbox.empty": "Aucun message.",
  "admin.outbox.col.date": "Date",
  "admin.outbox.col.to": "Destinataire",
  "admin.outbox.col.subject": "Objet",
  "admin.outbox.col.status": "État",
  "admin.outbox.status.outbox": "dans la boîte d'envoi",
  "admin.outbox.status.queued": "en attente",
  "admin.outbox.status.sent": "envoyé",
  "admin.outbox.status.failed": "échec",
  "admin.audit.intro": "Toutes les écritures importantes, les plus récentes en premier.",
  "admin.audit.col.date": "Date",
  "admin.audit.col.actor": "Par",
  "admin.audit.col.action": "Action",
  "admin.audit.col.subject": "Objet",
  "admin.audit.col.details": "Détails",
  "admin.audit.system": "la plateforme",
  "admin.audit.filter": "Filtrer par action (début du nom)",
  "admin.jobs.col.name": "Tâche",
  "admin.jobs.col.last": "Dernier passage",
  "admin.jobs.col.status": "Résultat",
  "admin.jobs.run": "Lancer maintenant",
  "admin.jobs.started": "Tâche lancée : son résultat s'affichera dans ce tableau.",
  "admin.jobs.refused":
    "{job} n'a pas été lancée : elle tourne déjà depuis le {since}. Si l'instance qui la menait s'est arrêtée, vous pourrez la relancer après le {until}.",
  "admin.jobs.refused.queued": "{job} n'a pas été lancée : elle attend déjà son tour.",
  "admin.jobs.status.ok": "réussi",
  "admin.jobs.status.error": "en échec",
} as const;

export const en: Record<keyof typeof fr, string> = {
  ...adminHome.en,
  "login.title": "Sign in",
  "login.intro": "Sign in with your account's e-mail address and password.",
  "login.email": "E-mail address",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.forgot": "Forgot your password?",
  "login.signup": "No account yet? Create one.",
  "login.error.invalid": "Wrong e-mail address or password.",
  "login.error.disabled": "This account is disabled.",
  "login.error.throttled":
    'Too many attempts for this account: try again in {wait}, or receive a sign-in link by mail (the "Send me a sign-in link" button).',
  "login.wait.seconds": "{n} s",
  "login.wait.minutes": "{n} min",
  "login.link.submit": "Send me a sign-in link",
  "login.link.hint":
    "No password needed: give your address and receive a sign-in link by mail, valid for 15 minutes and once.",
  "login.link.sent":
    "If an account exists with this address, a sign-in link has just been sent to it. It is valid for 15 minutes.",
  "login.link.title": "Sign-in link",
  "login.link.intro": "You are about to sign in to the account {email}. The link works only once.",
  "login.link.invalid":
    "This sign-in link is no longer valid (it was already used or has expired). Ask for a new one from the sign-in page:",
  "login.link.mail.subject": "Your sign-in link to {collective}",
  "login.link.mail.body":
    "Hello {name},\n\nHere is a link to sign in to your {collective} account, valid for 15 minutes and once:\n\n{link}\n\nIf you did not ask for it, ignore this message: your password does not change.\n",

  "signup.title": "Create an account",
  "signup.intro":
    "Accounts are for members of the collective and for structures that want to apply. Visitors do not need one.",
  "signup.name": "Your name or nickname",
  "signup.email": "E-mail address",
  "signup.password": "Password",
  "signup.password.hint":
    "At least 12 characters. A phrase of several words is safer and easier to remember.",
  "signup.confirm": "Password, once more",
  "signup.submit": "Create my account",
  "signup.error.mismatch": "The two passwords differ.",
  "signup.error.taken": "An account already exists with this address. Sign in or reset the password.",
  "signup.done": "Your account is created.",
  "signup.sent.title": "Check your mail",
  "signup.sent":
    "We have sent a message to {email}. Follow the link it contains to finish: it is valid for 24 hours.",
  "signup.sent.hint":
    "Nothing after a few minutes? Look in your spam folder, or start again checking the address.",
  "signup.confirm.title": "Finish creating the account",
  "signup.confirm.intro": "Confirm the address {email} to create your account and sign in.",
  "signup.confirm.invalid":
    "This link is no longer valid (it was already used or has expired). Sign up again, or sign in:",
  "signup.mail.subject": "Finish creating your {collective} account",
  "signup.mail.body":
    "Hello {name},\n\nTo finish creating your {collective} account, open this link within 24 hours:\n\n{link}\n\nIf you did not ask for anything, ignore this message: no account will be created.\n",
  "signup.exists.mail.subject": "You already have a {collective} account",
  "signup.exists.mail.body":
    "Hello {name},\n\nSomeone (probably you) tried to create a {collective} account with this address, which already has one: no new account was created.\n\nTo sign in: {login}\nForgotten password: {forgot}\n\nIf it was not you, ignore this message: nothing changes.\n",

  "forgot.title": "Forgotten password",
  "forgot.intro": "Give your account's address: we will send it a link to choose a new password.",
  "forgot.submit": "Send the link",
  "forgot.sent":
    "If an account exists with this address, a message has just been sent to it. The link is valid for one hour.",
  "forgot.mail.subject": "Choose a new password",
  "forgot.mail.body":
    "Hello {name},\n\nSomeone (probably you) asked to change the password of your {collective} account.\nTo choose a new password, open this link within the hour:\n\n{link}\n\nIf you did not ask for this, ignore this message: nothing changes.\n",

  "reset.title": "Choose a new password",
  "reset.password": "New password",
  "reset.submit": "Save the password",
  "reset.invalid": "This link is no longer valid (it was already used or has expired). Ask for a new one.",
  "reset.done": "Your password is saved. You are signed in.",

  "invite.mail.subject": "Your account on {collective}",
  "invite.mail.body":
    "Hello {name},\n\n{inviter} created an account for you on the {collective} platform.\nTo choose your password, open this link within seven days:\n\n{link}\n",

  "account.title": "My account",
  "account.profile": "Profile",
  "account.name": "Name or nickname",
  "account.email": "E-mail address",
  "account.structures": "My structures",
  "account.structures.none": "You do not belong to any structure.",
  "account.role.admin": "administrator of the structure",
  "account.role.member": "member of the structure",
  "account.membership.candidate": "candidate",
  "account.membership.member": "member of the collective",
  "account.membership.former": "former member",
  "account.password.title": "Change password",
  "account.password.current": "Current password",
  "account.password.new": "New password",
  "account.password.submit": "Change the password",
  "account.password.wrong": "The current password is wrong.",
  "account.password.changed": "Password changed. Your other sessions were closed.",
  "account.platform_admin": "You administer the platform.",
  "account.data.title": "Your data",
  "account.data.intro":
    "Download everything the platform keeps about you (JSON format), or delete your account.",
  "account.data.export": "Download my data",
  "account.data.export_structure": "Download the data of {name}",
  "account.delete.title": "Delete my account",
  "account.delete.intro":
    "Your account, sessions and links to structures will be erased. Past actions stay in the collective's audit log, without your name. The structures themselves are not deleted.",
  "account.delete.password": "Your password, to confirm",
  "account.delete.submit": "Delete my account for good",
  "account.delete.last_admin":
    "You are the last person administering the platform: appoint someone else before leaving.",
  "account.delete.done": "Your account has been deleted.",

  "admin.title": "Administration",
  "admin.people": "People",
  "admin.outbox": "Sent messages",
  "admin.audit": "Audit log",
  "admin.jobs": "Scheduled jobs",
  "admin.people.create": "Add a person",
  "admin.people.create.hint":
    "The person receives a message to choose a password. They can be attached to a structure right away.",
  "admin.people.member": "Structure (optional)",
  "admin.people.role": "Role in the structure",
  "admin.people.is_admin": "Administers the platform",
  "admin.people.created": "Account created; an invitation message was sent.",
  "admin.people.col.name": "Name",
  "admin.people.col.email": "Address",
  "admin.people.col.structures": "Structures",
  "admin.people.col.last_login": "Last sign-in",
  "admin.people.never": "never",
  "admin.outbox.intro":
    "With no SMTP server configured, messages stay here: this is the platform's outbox. With SMTP, it is the delivery log.",
  "admin.outbox.empty": "No message.",
  "admin.outbox.col.date": "Date",
  "admin.outbox.col.to": "To",
  "admin.outbox.col.subject": "Subject",
  "admin.outbox.col.status": "Status",
  "admin.outbox.status.outbox": "in the outbox",
  "admin.outbox.status.queued": "queued",
  "admin.outbox.status.sent": "sent",
  "admin.outbox.status.failed": "failed",
  "admin.audit.intro": "Every write that matters, newest first.",
  "admin.audit.col.date": "Date",
  "admin.audit.col.actor": "By",
  "admin.audit.col.action": "Action",
  "admin.audit.col.subject": "Subject",
  "admin.audit.col.details": "Details",
  "admin.audit.system": "the platform",
  "admin.audit.filter": "Filter by action (start of the name)",
  "admin.jobs.col.name": "Job",
  "admin.jobs.col.last": "Last run",
  "admin.jobs.col.status": "Result",
  "admin.jobs.run": "Run now",
  "admin.jobs.started": "Job started: its outcome will show in this table.",
  "admin.jobs.refused":
    "{job} was not started: it has been running since {since}. If the instance running it stopped, you can start it again after {until}.",
  "admin.jobs.refused.queued": "{job} was not started: it is already waiting to start.",
  "admin.jobs.status.ok": "succeeded",
  "admin.jobs.status.error": "failed",
};

export const de: Record<keyof typeof fr, string> = {
  ...adminHome.de,
  "login.title": "Anmelden",
  "login.intro": "Melde dich mit der E-Mail-Adresse und dem Passwort deines Kontos an.",
  "login.email": "E-Mail-Adresse",
  "login.password": "Passwort",
  "login.submit": "Anmelden",
  "login.forgot": "Passwort vergessen?",
  "login.signup": "Noch kein Konto? Leg eins an.",
  "login.error.invalid": "E-Mail-Adresse oder Passwort falsch.",
  "login.error.disabled": "Dieses Konto ist deaktiviert.",

  "signup.title": "Konto anlegen",
  "signup.intro":
    "Ein Konto brauchen die Mitglieder des Kollektivs und die Strukturen, die sich bewerben möchten. Wer nur vorbeischaut, braucht keins.",
  "signup.name": "Dein Name oder Pseudonym",
  "signup.email": "E-Mail-Adresse",
  "signup.password": "Passwort",
  "signup.password.hint":
    "Mindestens 12 Zeichen. Ein Satz aus mehreren Wörtern ist sicherer und leichter zu merken.",
  "signup.confirm": "Passwort noch einmal",
  "signup.submit": "Mein Konto anlegen",
  "signup.error.mismatch": "Die beiden Passwörter stimmen nicht überein.",
  "signup.error.taken":
    "Mit dieser Adresse gibt es bereits ein Konto. Melde dich an oder setze das Passwort zurück.",
  "signup.done": "Dein Konto ist angelegt.",

  "forgot.title": "Passwort vergessen",
  "forgot.intro":
    "Gib die Adresse deines Kontos an: Wir schicken dir dorthin einen Link, mit dem du ein neues Passwort wählen kannst.",
  "forgot.submit": "Link senden",
  "forgot.sent":
    "Wenn es ein Konto mit dieser Adresse gibt, wurde gerade eine Nachricht dorthin geschickt. Der Link ist eine Stunde lang gültig.",
  "forgot.mail.subject": "Ein neues Passwort wählen",
  "forgot.mail.body":
    "Hallo {name},\n\njemand (vermutlich du) hat darum gebeten, das Passwort deines Kontos bei {collective} zu ändern.\nUm ein neues Passwort zu wählen, öffne diesen Link innerhalb einer Stunde:\n\n{link}\n\nWenn die Anfrage nicht von dir kommt, ignoriere diese Nachricht: Es ändert sich nichts.\n",

  "reset.title": "Ein neues Passwort wählen",
  "reset.password": "Neues Passwort",
  "reset.submit": "Passwort speichern",
  "reset.invalid":
    "Dieser Link ist nicht mehr gültig (er wurde schon benutzt oder ist abgelaufen). Fordere einen neuen an.",
  "reset.done": "Dein Passwort ist gespeichert. Du bist angemeldet.",

  "invite.mail.subject": "Dein Konto bei {collective}",
  "invite.mail.body":
    "Hallo {name},\n\n{inviter} hat dir ein Konto auf der Plattform von {collective} angelegt.\nUm dein Passwort zu wählen, öffne diesen Link innerhalb von sieben Tagen:\n\n{link}\n",

  "account.title": "Mein Konto",
  "account.profile": "Profil",
  "account.name": "Name oder Pseudonym",
  "account.email": "E-Mail-Adresse",
  "account.structures": "Meine Strukturen",
  "account.structures.none": "Du gehörst zu keiner Struktur.",
  "account.role.admin": "Administrator·in der Struktur",
  "account.role.member": "Mitglied der Struktur",
  "account.membership.candidate": "Bewerberin",
  "account.membership.member": "Mitglied des Kollektivs",
  "account.membership.former": "ehemaliges Mitglied",
  "account.password.title": "Passwort ändern",
  "account.password.current": "Aktuelles Passwort",
  "account.password.new": "Neues Passwort",
  "account.password.submit": "Passwort ändern",
  "account.password.wrong": "Das aktuelle Passwort stimmt nicht.",
  "account.password.changed": "Passwort geändert. Deine anderen Sitzungen wurden beendet.",
  "account.platform_admin": "Du verwaltest die Plattform.",
  "account.data.title": "Deine Daten",
  "account.data.intro":
    "Lade alles herunter, was die Plattform über dich speichert (im JSON-Format), oder lösche dein Konto.",
  "account.data.export": "Meine Daten herunterladen",
  "account.data.export_structure": "Daten von {name} herunterladen",
  "account.delete.title": "Mein Konto löschen",
  "account.delete.intro":
    "Dein Konto, deine Sitzungen und deine Zugehörigkeit zu Strukturen werden gelöscht. Frühere Aktionen bleiben ohne deinen Namen im Audit-Protokoll des Kollektivs. Die Strukturen selbst werden nicht gelöscht.",
  "account.delete.password": "Dein Passwort, zur Bestätigung",
  "account.delete.submit": "Mein Konto endgültig löschen",
  "account.delete.last_admin":
    "Du bist die letzte Person, die die Plattform verwaltet: Benenne jemand anderen, bevor du gehst.",
  "account.delete.done": "Dein Konto wurde gelöscht.",

  "admin.title": "Verwaltung",
  "admin.people": "Personen",
  "admin.outbox": "Gesendete Nachrichten",
  "admin.audit": "Audit-Protokoll",
  "admin.jobs": "Geplante Aufträge",
  "admin.people.create": "Person hinzufügen",
  "admin.people.create.hint":
    "Die Person erhält eine Nachricht, um ihr Passwort zu wählen. Sie kann gleich einer Struktur zugeordnet werden.",
  "admin.people.member": "Struktur (optional)",
  "admin.people.role": "Rolle in der Struktur",
  "admin.people.is_admin": "Verwaltet die Plattform",
  "admin.people.created": "Konto angelegt; eine Einladung wurde verschickt.",
  "admin.people.col.name": "Name",
  "admin.people.col.email": "Adresse",
  "admin.people.col.structures": "Strukturen",
  "admin.people.col.last_login": "Letzte Anmeldung",
  "admin.people.never": "nie",
  "admin.outbox.intro":
    "Ohne eingerichteten SMTP-Server bleiben die Nachrichten hier: Das ist der Postausgang der Plattform. Mit SMTP ist es das Versandprotokoll.",
  "admin.outbox.empty": "Keine Nachricht.",
  "admin.outbox.col.date": "Datum",
  "admin.outbox.col.to": "Empfänger·in",
  "admin.outbox.col.subject": "Betreff",
  "admin.outbox.col.status": "Stand",
  "admin.outbox.status.outbox": "im Postausgang",
  "admin.outbox.status.queued": "in der Warteschlange",
  "admin.outbox.status.sent": "gesendet",
  "admin.outbox.status.failed": "fehlgeschlagen",
  "admin.audit.intro": "Alle wichtigen Schreibvorgänge, die neuesten zuerst.",
  "admin.audit.col.date": "Datum",
  "admin.audit.col.actor": "Von",
  "admin.audit.col.action": "Aktion",
  "admin.audit.col.subject": "Gegenstand",
  "admin.audit.col.details": "Details",
  "admin.audit.system": "die Plattform",
  "admin.audit.filter": "Nach Aktion filtern (Anfang des Namens)",
  "admin.jobs.col.name": "Auftrag",
  "admin.jobs.col.last": "Letzter Lauf",
  "admin.jobs.col.status": "Ergebnis",
  "admin.jobs.run": "Jetzt starten",
  "admin.jobs.started": "Auftrag gestartet: Sein Ergebnis erscheint in dieser Tabelle.",
  "admin.jobs.status.ok": "erfolgreich",
  "admin.jobs.status.error": "fehlgeschlagen",
  "login.error.throttled":
    "Zu viele Versuche f\u00fcr dieses Konto: Versuche es in {wait} erneut oder lass dir einen Anmeldelink per E-Mail schicken (Schaltfl\u00e4che \u201eSchick mir einen Anmeldelink\u201c).",
  "login.wait.seconds": "{n} s",
  "login.wait.minutes": "{n} Min.",
  "login.link.submit": "Schick mir einen Anmeldelink",
  "login.link.hint":
    "Ohne Passwort: Gib deine Adresse an und erhalte per E-Mail einen Anmeldelink, 15 Minuten lang und nur einmal g\u00fcltig.",
  "login.link.sent":
    "Wenn es ein Konto mit dieser Adresse gibt, wurde gerade ein Anmeldelink dorthin geschickt. Er ist 15 Minuten lang g\u00fcltig.",
  "login.link.title": "Anmeldelink",
  "login.link.intro": "Du meldest dich gleich beim Konto {email} an. Der Link funktioniert nur einmal.",
  "login.link.invalid":
    "Dieser Anmeldelink ist nicht mehr g\u00fcltig (er wurde schon benutzt oder ist abgelaufen). Fordere auf der Anmeldeseite einen neuen an:",
  "login.link.mail.subject": "Dein Anmeldelink f\u00fcr {collective}",
  "login.link.mail.body":
    "Hallo {name},\n\nhier ist ein Link, mit dem du dich bei deinem Konto bei {collective} anmelden kannst, 15 Minuten lang und nur einmal g\u00fcltig:\n\n{link}\n\nWenn du ihn nicht angefordert hast, ignoriere diese Nachricht: Dein Passwort \u00e4ndert sich nicht.\n",
  "signup.sent.title": "Schau in dein Postfach",
  "signup.sent":
    "Wir haben eine Nachricht an {email} geschickt. Folge dem Link darin, um abzuschlie\u00dfen: Er ist 24 Stunden lang g\u00fcltig.",
  "signup.sent.hint":
    "Nach ein paar Minuten noch nichts? Schau im Spam-Ordner nach oder fang noch einmal an und pr\u00fcfe die Adresse.",
  "signup.confirm.title": "Konto fertig anlegen",
  "signup.confirm.intro": "Best\u00e4tige die Adresse {email}, um dein Konto anzulegen und dich anzumelden.",
  "signup.confirm.invalid":
    "Dieser Link ist nicht mehr g\u00fcltig (er wurde schon benutzt oder ist abgelaufen). Registriere dich erneut oder melde dich an:",
  "signup.mail.subject": "Schlie\u00dfe das Anlegen deines Kontos bei {collective} ab",
  "signup.mail.body":
    "Hallo {name},\n\num das Anlegen deines Kontos bei {collective} abzuschlie\u00dfen, \u00f6ffne diesen Link innerhalb von 24 Stunden:\n\n{link}\n\nWenn du nichts angefordert hast, ignoriere diese Nachricht: Es wird kein Konto angelegt.\n",
  "signup.exists.mail.subject": "Du hast schon ein Konto bei {collective}",
  "signup.exists.mail.body":
    "Hallo {name},\n\njemand (vermutlich du) hat versucht, mit dieser Adresse ein Konto bei {collective} anzulegen. F\u00fcr sie gibt es schon eins: Es wurde kein neues Konto angelegt.\n\nAnmelden: {login}\nPasswort vergessen: {forgot}\n\nWenn du das nicht warst, ignoriere diese Nachricht: Es \u00e4ndert sich nichts.\n",
  "admin.jobs.refused":
    "{job} wurde nicht gestartet: Der Auftrag l\u00e4uft schon seit {since}. Wenn die Instanz, die ihn ausf\u00fchrte, angehalten wurde, kannst du ihn nach {until} erneut starten.",
  "admin.jobs.refused.queued": "{job} wurde nicht gestartet: Der Auftrag wartet schon darauf, zu starten.",
};
