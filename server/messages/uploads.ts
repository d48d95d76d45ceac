/** Texts about uploaded files: the limits every spreadsheet import shares (platform/spreadsheet). */
export const sv = {
  'upload.limit.zipEntries': 'Filen innehåller för många delar (högst {value}). Spara den som en ny .xlsx-fil i Excel och försök igen.',
  'upload.limit.partBytes': 'Filen blir för stor när den packas upp (mer än {value} MB i en del). Dela upp den eller spara den som CSV.',
  'upload.limit.unpackedBytes': 'Filen blir för stor när den packas upp (mer än {value} MB). Dela upp den eller spara den som CSV.',
  'upload.limit.rows': 'Filen har för många rader (högst {value} rader i alla flikar tillsammans). Dela upp den i flera filer.',
  'upload.limit.cells': 'Filen har för många celler (högst {value} räknat som rader gånger kolumner). Ta bort tomma kolumner längst till höger eller dela upp filen.',
  'upload.limit.cellChars': 'En cell i filen har fler än {value} tecken, vilket är mer än Excel tillåter.',
  'upload.limit.seconds': 'Det tog för lång tid att läsa filen (mer än {value} sekunder). Dela upp den i mindre filer.',
  'upload.limit.memory': 'Filen kräver för mycket minne för att läsas (mer än {value} MB). Dela upp den i mindre filer.',
  'upload.busy': 'Många filer läses just nu. Försök igen om en liten stund.',
} as const;

export const en: Record<keyof typeof sv, string> = {
  'upload.limit.zipEntries': 'The file has too many parts (at most {value}). Save it as a new .xlsx file in Excel and try again.',
  'upload.limit.partBytes': 'The file is too large once unpacked (more than {value} MB in one part). Split it or save it as CSV.',
  'upload.limit.unpackedBytes': 'The file is too large once unpacked (more than {value} MB). Split it or save it as CSV.',
  'upload.limit.rows': 'The file has too many rows (at most {value} rows in all sheets together). Split it into several files.',
  'upload.limit.cells': 'The file has too many cells (at most {value}, counted as rows times columns). Remove empty columns on the right or split the file.',
  'upload.limit.cellChars': 'A cell in the file has more than {value} characters, more than Excel allows.',
  'upload.limit.seconds': 'Reading the file took too long (more than {value} seconds). Split it into smaller files.',
  'upload.limit.memory': 'The file needs too much memory to be read (more than {value} MB). Split it into smaller files.',
  'upload.busy': 'Many files are being read right now. Try again in a moment.',
};
