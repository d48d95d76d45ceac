/** Texts of access (docs/ACCESS.md), in Swedish and English. */
export const sv = {
  'access.role.name_taken': 'Systemet har redan en behörighet med namnet "{name}".',
  'access.import.no_file': 'Välj en CSV-fil eller Excelfil (.xlsx) med systemets användarlista.',
  'access.import.unreadable': 'Filen kunde inte läsas som CSV eller Excel (.xlsx).',
  'access.import.xls_unsupported': 'Äldre Excelfiler (.xls) stöds inte. Spara filen som .xlsx eller CSV.',
  'access.import.no_header':
    'Ingen rubrikrad hittades. Filen behöver en kolumn för användarnamn (till exempel Användarnamn, Konto eller Username) och minst en till: namn, e-post, anställningsnummer eller behörighet.',
  'access.import.no_rows': 'Filen har inga rader under rubrikraden.',
  'access.import.too_many_rows': 'Filen har {count} rader; högst {max} rader kan importeras åt gången.',
  'access.import.username_required': 'Användarnamn saknas.',
  'access.import.too_long': '"{value}" är för långt (högst {max} tecken).',
  'access.import.invalid_email': 'Ogiltig e-postadress "{value}".',
  'access.import.invalid_type': 'Okänd kontotyp "{value}". Använd personligt, tjänstekonto, delat eller administratör.',
  'access.import.invalid_status': 'Okänd status "{value}". Använd aktiv eller inaktiv (ja eller nej).',
  'access.import.invalid_login': 'Senaste inloggning "{value}" är inget datum. Använd ÅÅÅÅ-MM-DD, gärna med klockslag.',
  'access.import.conflict_value': '"{value}" skiljer sig från rad {row} för samma användarnamn ("{other}").',
  'access.import.role_retired': 'Behörigheten "{value}" är avvecklad i Ansvar och kan inte tilldelas. Återaktivera den först.',
  'access.import.too_many_roles': 'Raden har fler än {max} behörigheter.',
  'access.import.removals_withheld':
    'Rad {rows} saknar användarnamn och har fel. Eftersom det inte går att veta vilka konton de gäller avslutas inga behörigheter och inga konton markeras borttagna ({count} konton saknas i filen).',
  'access.import.no_role_column': 'Filen har ingen kolumn för behörighet: kontonas behörigheter ändras inte, bara konton som saknas i filen.',
} as const;

export const en: Record<keyof typeof sv, string> = {
  'access.role.name_taken': 'The system already has an access role named "{name}".',
  'access.import.no_file': "Choose a CSV file or an Excel file (.xlsx) with the system's user list.",
  'access.import.unreadable': 'The file could not be read as CSV or Excel (.xlsx).',
  'access.import.xls_unsupported': 'Old Excel files (.xls) are not supported. Save the file as .xlsx or CSV.',
  'access.import.no_header':
    'No header row was found. The file needs a user name column (for example Username, Account or Användarnamn) and at least one more: name, e-mail, employee id or role.',
  'access.import.no_rows': 'The file has no rows below the header row.',
  'access.import.too_many_rows': 'The file has {count} rows; at most {max} rows can be imported at a time.',
  'access.import.username_required': 'The user name is missing.',
  'access.import.too_long': '"{value}" is too long (at most {max} characters).',
  'access.import.invalid_email': 'Invalid e-mail address "{value}".',
  'access.import.invalid_type': 'Unknown account type "{value}". Use personal, service, shared or administrator.',
  'access.import.invalid_status': 'Unknown status "{value}". Use active or inactive (yes or no).',
  'access.import.invalid_login': 'Last login "{value}" is not a date. Use YYYY-MM-DD, preferably with the time.',
  'access.import.conflict_value': '"{value}" differs from row {row} for the same user name ("{other}").',
  'access.import.role_retired': 'The access role "{value}" is retired in Ansvar and cannot be granted. Make it active first.',
  'access.import.too_many_roles': 'The row has more than {max} access roles.',
  'access.import.removals_withheld':
    'Row {rows} has no user name and has errors. As it cannot be known which accounts they are about, no grant is ended and no account is marked removed ({count} accounts are missing from the file).',
  'access.import.no_role_column': "The file has no access role column: the accounts' grants do not change, only accounts missing from the file do.",
};
