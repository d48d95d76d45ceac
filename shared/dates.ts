/**
 * Dates in Ansvar are Swedish calendar days: role assignments, agreements and due dates all count in them. The server
 * and the web share this, so a form's "today" is the server's today wherever the browser's clock is set.
 */
const stockholmDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in Sweden at an instant. */
export const swedishDay = (d: Date): string => stockholmDate.format(d);
