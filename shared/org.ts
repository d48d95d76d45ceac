/** The organisation's vocabulary: kinds and functions of org units, and a person's status. */

export const UNIT_KINDS = [
  'kommun',
  'kommunstyrelse',
  'namnd',
  'forvaltning',
  'avdelning',
  'enhet',
  'kommunalt_bolag',
  'kommunalforbund',
  'annan',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** What a unit does for the others: the IT unit, the kansli. */
export const UNIT_FUNCTIONS = ['it_unit', 'kansli'] as const;
export type UnitFunction = (typeof UNIT_FUNCTIONS)[number];

export const PERSON_STATUSES = ['active', 'disabled', 'left'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** An HR import: full marks people missing from the file as left; partial touches only the rows in the file. */
export const IMPORT_MODES = ['full', 'partial'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
