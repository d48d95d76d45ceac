/** Texts about acting on findings (docs/FOLLOW-UP.md), in Swedish and English. */
export const sv = {
  'findings.not_open': 'Avvikelsen är redan åtgärdad och kan inte hanteras längre.',
  'findings.wrong_handling': 'Det går inte i avvikelsens nuvarande läge. Ladda om sidan och se vad som gjorts.',
  'findings.not_approver': 'Bara den som har rollen {roles} kan godkänna eller avslå att risken accepteras.',
  'findings.no_approver': 'Ingen har rollen {roles} som ska godkänna att risken accepteras. Tilldela rollen först.',
  'findings.expiry_past': 'Välj ett datum efter i dag.',
  'findings.expiry_too_far': 'En risk kan accepteras i högst {months} månader (till och med {latest}).',
  'findings.due_past': 'Välj i dag eller ett senare datum.',
  'findings.person_unknown': 'Personen finns inte eller har slutat.',
  'findings.bulk_too_many': 'Urvalet har {count} avvikelser. Gör det mindre (högst {max}) och försök igen.',
  'findings.bulk_not_allowed': 'Du får inte hantera {count} av avvikelserna i urvalet. Inget ändrades.',
} as const;

export const en: Record<keyof typeof sv, string> = {
  'findings.not_open': 'The finding has already been resolved and can no longer be handled.',
  'findings.wrong_handling': 'Not possible in the finding’s current state. Reload the page to see what has been done.',
  'findings.not_approver': 'Only someone with the role {roles} can approve or reject accepting the risk.',
  'findings.no_approver': 'Nobody holds the role {roles} that approves accepting the risk. Assign the role first.',
  'findings.expiry_past': 'Choose a date after today.',
  'findings.expiry_too_far': 'A risk can be accepted for at most {months} months (up to and including {latest}).',
  'findings.due_past': 'Choose today or a later date.',
  'findings.person_unknown': 'The person does not exist or has left.',
  'findings.bulk_too_many': 'The selection has {count} findings. Make it smaller (at most {max}) and try again.',
  'findings.bulk_not_allowed': 'You may not handle {count} of the findings in the selection. Nothing was changed.',
};
