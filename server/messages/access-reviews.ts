/** Texts of access reviews (behörighetskontroll, docs/ACCESS.md), in Swedish and English. */
export const sv = {
  'access-reviews.due_past': 'Välj i dag eller ett senare datum.',
  'access-reviews.scope_empty': 'Urvalet har inga system att granska (avvecklade system räknas inte).',
  'access-reviews.systems_unknown': '{count} av systemen finns inte.',
  'access-reviews.systems_not_reached':
    'Du är inte administratör för förvaltningen som äger {count} av systemen. Bara en sådan administratör kan starta granskningen.',
  'access-reviews.unit_unknown': 'Enheten finns inte.',
  'access-reviews.no_person': 'Ditt konto är inte kopplat till någon person, så du granskar inga behörigheter.',
  'access-reviews.not_reviewer': 'Du granskar inte {count} av behörigheterna. Inget ändrades.',
  'access-reviews.duplicate_grant': 'Samma behörighet finns flera gånger bland besluten.',
  'access-reviews.comment_for_change': 'Skriv hur behörigheten ska ändras.',
  'access-reviews.comment_for_privileged': 'Skriv varför den privilegierade behörigheten ska behållas.',
  'access-reviews.closed': 'Granskningen är stängd. Inga fler beslut kan fattas.',
  'access-reviews.not_closer': 'Bara den som startade granskningen eller en administratör kan stänga den.',
  'access-reviews.evidence_forbidden': 'Bara den som startade granskningen eller en administratör kan ta ut underlaget.',
  'access-reviews.removal_reason': 'Ska tas bort enligt behörighetskontrollen "{name}".',
} as const;

export const en: Record<keyof typeof sv, string> = {
  'access-reviews.due_past': 'Choose today or a later date.',
  'access-reviews.scope_empty': 'The selection has no systems to review (retired systems do not count).',
  'access-reviews.systems_unknown': '{count} of the systems do not exist.',
  'access-reviews.systems_not_reached':
    'You are not an administrator of the unit that owns {count} of the systems. Only such an administrator can start the review.',
  'access-reviews.unit_unknown': 'The unit does not exist.',
  'access-reviews.no_person': 'Your account is not linked to a person, so you review no access.',
  'access-reviews.not_reviewer': 'You do not review {count} of the grants. Nothing was changed.',
  'access-reviews.duplicate_grant': 'The same grant appears more than once among the decisions.',
  'access-reviews.comment_for_change': 'Write how the access should change.',
  'access-reviews.comment_for_privileged': 'Write why the privileged access should be kept.',
  'access-reviews.closed': 'The review is closed. No more decisions can be made.',
  'access-reviews.not_closer': 'Only whoever started the review or an administrator can close it.',
  'access-reviews.evidence_forbidden': 'Only whoever started the review or an administrator can download the evidence.',
  'access-reviews.removal_reason': 'To be removed according to the access review "{name}".',
};
