/**
 * Texts of notifications, the digest e-mail, the test e-mail and the calendar feed (docs/FOLLOW-UP.md), in Swedish and
 * English. A notification's text is its kind's lead-in and the finding's text: `{lead}: {text}`.
 */
export const sv = {
  'notifications.kind.assigned': 'Du har fått en avvikelse att åtgärda',
  'notifications.kind.due_soon': 'Ska vara åtgärdad senast {dueOn}',
  'notifications.kind.overdue': 'Försenad, skulle ha varit åtgärdad senast {dueOn}',
  'notifications.kind.risk_to_approve': 'En accepterad risk väntar på ditt godkännande',
  'notifications.kind.risk_approved': 'Den accepterade risken har godkänts',
  'notifications.kind.risk_rejected': 'Den accepterade risken har avslagits',
  'notifications.kind.risk_expired': 'Den accepterade risken har löpt ut och avvikelsen är öppen igen',
  'notifications.kind.reopened': 'Avvikelsen är öppen igen',
  'notifications.kind.access_review_reminder': 'Behörighetsgranskningen ”{review}” skulle ha varit klar {dueOn}. Beslut som väntar på dig: {count}',
  'notifications.kind.access_review_escalated': 'Behörighetsgranskningen ”{review}” skulle ha varit klar {dueOn}. Behörigheter i systemet som ingen har granskat: {count}',
  'notifications.line': '{lead}: {text}',

  'notifications.group.overdue': 'Försenade',
  'notifications.group.due_soon': 'Snart förfallodag',
  'notifications.group.assigned': 'Tilldelade dig',
  'notifications.group.risk_to_approve': 'Risker att godkänna',
  'notifications.group.access_review': 'Behörighetsgranskningar',
  'notifications.group.other': 'Övrigt',

  'notifications.digest.subject': 'Ansvar: {count} saker att följa upp',
  'notifications.digest.subject_one': 'Ansvar: 1 sak att följa upp',
  'notifications.digest.greeting': 'Hej {name}!',
  'notifications.digest.intro': 'Det här har hänt i det du ansvarar för sedan förra sammanfattningen.',
  'notifications.digest.open': 'Öppna',
  'notifications.digest.more': '… och {count} till. Se alla i Mitt ansvar.',
  'notifications.digest.my_tasks': 'Allt du ansvarar för finns i Mitt ansvar:',
  'notifications.digest.footer': 'Du får det här mejlet från Ansvar eftersom du har uppgifter där. Hur ofta du får det ändrar du under Mitt konto, Påminnelser.',

  'notifications.test.subject': 'Ansvar: testmejl',
  'notifications.test.body': 'Det här är ett testmejl från Ansvar ({url}). Kom det fram fungerar e-posten: påminnelser kan skickas.',

  'notifications.calendar.name': 'Ansvar: mina förfallodatum',
  'notifications.calendar.summary': 'Förfaller: {text}',

  'notifications.smtp_missing': 'E-post är inte inställd (SMTP_URL saknas). Be den som driftar Ansvar att ställa in den.',
  'notifications.read_nothing': 'Ange vilka notiser som ska markeras som lästa (ids) eller alla (all: true).',
} as const;

export const en: Record<keyof typeof sv, string> = {
  'notifications.kind.assigned': 'You have been given a finding to act on',
  'notifications.kind.due_soon': 'Due by {dueOn}',
  'notifications.kind.overdue': 'Overdue, was due by {dueOn}',
  'notifications.kind.risk_to_approve': 'An accepted risk is waiting for your approval',
  'notifications.kind.risk_approved': 'The accepted risk has been approved',
  'notifications.kind.risk_rejected': 'The accepted risk has been rejected',
  'notifications.kind.risk_expired': 'The accepted risk has expired and the finding is open again',
  'notifications.kind.reopened': 'The finding is open again',
  'notifications.kind.access_review_reminder': 'The access review “{review}” was due by {dueOn}. Decisions waiting for you: {count}',
  'notifications.kind.access_review_escalated': 'The access review “{review}” was due by {dueOn}. Grants on the system nobody has reviewed: {count}',
  'notifications.line': '{lead}: {text}',

  'notifications.group.overdue': 'Overdue',
  'notifications.group.due_soon': 'Due soon',
  'notifications.group.assigned': 'Assigned to you',
  'notifications.group.risk_to_approve': 'Risks to approve',
  'notifications.group.access_review': 'Access reviews',
  'notifications.group.other': 'Other',

  'notifications.digest.subject': 'Ansvar: {count} things to follow up',
  'notifications.digest.subject_one': 'Ansvar: 1 thing to follow up',
  'notifications.digest.greeting': 'Hello {name},',
  'notifications.digest.intro': 'This is what has happened in what you are responsible for since the last summary.',
  'notifications.digest.open': 'Open',
  'notifications.digest.more': '… and {count} more. See them all in My responsibilities.',
  'notifications.digest.my_tasks': 'Everything you are responsible for is in My responsibilities:',
  'notifications.digest.footer': 'You get this e-mail from Ansvar because you have tasks there. Change how often under My account, Reminders.',

  'notifications.test.subject': 'Ansvar: test e-mail',
  'notifications.test.body': 'This is a test e-mail from Ansvar ({url}). If it arrived, e-mail works: reminders can be sent.',

  'notifications.calendar.name': 'Ansvar: my due dates',
  'notifications.calendar.summary': 'Due: {text}',

  'notifications.smtp_missing': 'E-mail is not set up (SMTP_URL is missing). Ask whoever runs Ansvar to set it.',
  'notifications.read_nothing': 'Say which notifications to mark as read (ids) or all of them (all: true).',
};
