export const fr = {
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
  "account.data.export_structure": "Télécharger les données de {name}",
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
} as const;

export const en: Record<keyof typeof fr, string> = {
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
};
