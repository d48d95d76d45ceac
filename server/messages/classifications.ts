/** Texts about information classification and security requirements, in Swedish and English. */
export const sv = {
  'classifications.level_not_on_scale': 'Nivån {value} finns inte i skalan (välj bland {known}).',
  'classifications.aspect_not_on_scale': 'Skalan har ingen nivå för den här aspekten.',
  'classifications.unknown_scale': 'Klassningens skala ({scale}) finns inte i den gällande policyn.',
  'classifications.in_progress': 'Systemet har redan en klassning som pågår (version {version}). Fortsätt med den.',
  'classifications.not_draft': 'Klassningen är inte ett utkast längre och kan inte ändras.',
  'classifications.not_submitted': 'Klassningen väntar inte på godkännande.',
  'classifications.level_required': 'Välj en nivå.',
  'classifications.justification_required': 'Motivera varför du väljer en annan nivå än den föreslagna ({suggested}).',
  'classifications.self_approval': 'Du kan inte godkänna en klassning som du själv har gjort eller lämnat in. Den ska godkännas av någon annan med rollen {roles}.',
  'classifications.not_approver': 'Bara den som har rollen {roles} för systemet kan godkänna eller skicka tillbaka klassningen.',
  'classifications.system_retired': 'Systemet är avvecklat och kan inte klassas.',
  'classifications.no_approved': 'Systemet har ingen godkänd klassning, så inga krav gäller ännu.',
  'classifications.requirement_not_applicable': 'Kravet gäller inte systemet med dess nuvarande klassning.',
  'classifications.how_required': 'Beskriv hur kravet är delvis uppfyllt eller varför det inte är tillämpligt.',
} as const;

export const en: Record<keyof typeof sv, string> = {
  'classifications.level_not_on_scale': 'The level {value} is not on the scale (choose from {known}).',
  'classifications.aspect_not_on_scale': 'The scale has no levels for this aspect.',
  'classifications.unknown_scale': 'The classification’s scale ({scale}) is not in the policy in force.',
  'classifications.in_progress': 'The system already has a classification in progress (version {version}). Continue with that one.',
  'classifications.not_draft': 'The classification is no longer a draft and cannot be changed.',
  'classifications.not_submitted': 'The classification is not waiting for approval.',
  'classifications.level_required': 'Choose a level.',
  'classifications.justification_required': 'Explain why you choose a level other than the suggested one ({suggested}).',
  'classifications.self_approval': 'You cannot approve a classification you made or submitted yourself. Someone else with the role {roles} must approve it.',
  'classifications.not_approver': 'Only someone with the role {roles} for the system can approve the classification or send it back.',
  'classifications.system_retired': 'The system is retired and cannot be classified.',
  'classifications.no_approved': 'The system has no approved classification, so no requirements apply yet.',
  'classifications.requirement_not_applicable': 'The requirement does not apply to the system with its current classification.',
  'classifications.how_required': 'Describe how the requirement is partly met, or why it does not apply.',
};
