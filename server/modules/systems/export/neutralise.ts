/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet program runs a cell whose text starts with
 * = + - @ (or tab or carriage return, or their full-width forms, which some programs normalise) as a
 * formula. Such text gets a leading apostrophe, so it is shown as text and never run.
 *
 * The guard is reversible, so exporting and importing again changes nothing: text that already starts
 * with apostrophes followed by one of those characters gets one more, and `restoreText` takes exactly
 * one away from text of that form. Other text (`'Tis`, `O'Brien`) passes both ways untouched.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const GUARDED = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export const neutraliseText = (text: string): string => (NEEDS_GUARD.test(text) ? `'${text}` : text);

/** The inverse of neutraliseText, for the import: a file written by the export reads back to the stored text. */
export const restoreText = (text: string): string => (GUARDED.test(text) ? text.slice(1) : text);
