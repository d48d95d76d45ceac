/**
 * How a name in a spreadsheet or the people register reads: as a person's name ("Anna Svensson"), as an
 * organisation ("IT-enheten", "CGI Sverige AB", "Region Västra Götaland", "Leverantör"), or as neither
 * (one word: "Telia", "Kalle"). The imports create a person only from a name that reads as a person's
 * and matches no unit or supplier; the repair page lists people whose name reads as an organisation.
 * Heuristics in Swedish and English, no list of every company: a name that fits neither is left for a
 * human to map.
 */

/** Words a role cell uses for "the row's supplier". */
const SUPPLIER_WORDS = new Set(['leverantör', 'leverantören', 'extern leverantör', 'externa leverantören', 'leverantörens', 'supplier', 'vendor', 'the supplier']);

/** "IT-enheten", "IT-avdelningen", "IT" and the like: the kommun's unit marked as the IT unit. */
const IT_UNIT_WORDS = new Set([
  'it',
  'it-enheten',
  'it-enhet',
  'it enheten',
  'it-avdelningen',
  'it-avdelning',
  'it avdelningen',
  'it-avd',
  'it-avd.',
  'it-kontoret',
  'it-funktionen',
  'it-förvaltningen',
  'it-service',
  'it-drift',
  'it-driften',
  'it-support',
]);

/** Endings of a word that make a name an organisation: legal forms, public bodies, parts of a kommun. */
const ORG_LAST_WORDS = new Set(['ab', 'hb', 'kb', 'ek.för.', 'ekför', 'ab)', 'aps', 'as', 'asa', 'oy', 'gmbh', 'ltd', 'ltd.', 'inc', 'inc.', 'llc', 'plc', 'corp', 'corp.', 'bv', 'nv', 'sa', 'se']);
const ORG_SUFFIXES = [
  'kommun',
  'kommunen',
  'region',
  'regionen',
  'landsting',
  'landstinget',
  'myndighet',
  'myndigheten',
  'förvaltning',
  'förvaltningen',
  'enhet',
  'enheten',
  'avdelning',
  'avdelningen',
  'nämnd',
  'nämnden',
  'styrelse',
  'styrelsen',
  'verket',
  'kontoret',
  'sektion',
  'sektionen',
  'bolag',
  'bolaget',
  'gruppen',
  'förbund',
  'förbundet',
  'centrum',
  'center',
  'inspektionen',
  'kassan',
  'byrån',
  'leverantör',
  'leverantören',
  'konsult',
  'konsulter',
  'support',
  'service',
  'services',
  'solutions',
  'systems',
  'group',
  'sverige',
  'sweden',
  'nordic',
  'international',
];
/** Words that make a name an organisation wherever they stand. */
const ORG_WORDS = new Set(['kommun', 'region', 'myndighet', 'förvaltning', 'enheten', 'avdelningen', 'aktiebolag', 'handelsbolag', 'stiftelse', 'förening', 'leverantör', 'leverantören', 'it', 'skr', 'inera']);
/** Public bodies a role cell may name by their short name. */
const PUBLIC_BODIES = new Set(['inera', 'skr', 'sklr', 'adda', 'skatteverket', 'försäkringskassan', 'lantmäteriet', 'polisen', 'digg', 'msb', 'imy', 'arbetsförmedlingen', 'e-hälsomyndigheten', 'socialstyrelsen', 'skolverket', 'transportstyrelsen', 'bolagsverket']);

const words = (name: string): string[] => name.normalize('NFC').trim().toLocaleLowerCase('sv-SE').split(/\s+/).filter(Boolean);

/** "Leverantör", "Leverantören", "Extern leverantör": the row's own supplier. */
export function meansTheSupplier(text: string): boolean {
  return SUPPLIER_WORDS.has(words(text).join(' '));
}

/** "IT-enheten", "IT-avdelningen", "IT": the kommun's IT unit. */
export function meansTheItUnit(text: string): boolean {
  return IT_UNIT_WORDS.has(words(text).join(' '));
}

/** The name reads as an organisation: a legal form (AB, HB, …), a public body, a part of a kommun or region. */
export function readsAsOrganisation(name: string): boolean {
  const w = words(name);
  if (!w.length) return false;
  const joined = w.join(' ');
  if (meansTheSupplier(joined) || meansTheItUnit(joined) || PUBLIC_BODIES.has(joined)) return true;
  const last = w.at(-1)!.replace(/[.,;:]+$/, '');
  if (ORG_LAST_WORDS.has(last) && w.length > 1) return true;
  if (w.some((x) => ORG_WORDS.has(x.replace(/[.,;:]+$/, '')))) return true;
  if (w.some((x) => x.startsWith('it-'))) return true;
  // One word ending like a unit or a body: "Socialförvaltningen", "Kommunstyrelsen", "Skatteverket".
  return w.some((x) => ORG_SUFFIXES.some((s) => x === s || (x.length > s.length + 2 && x.endsWith(s))));
}

/**
 * The name reads as a person's: two to five words, each a capitalised name (letters, with hyphens or
 * apostrophes: "Anna-Karin Öberg", "Per de Geer", "Lars O'Neill"), no digits, not an organisation.
 * One word ("Kalle", "Telia") or an all-capital word ("CGI") is not enough.
 */
export function readsAsPersonName(name: string): boolean {
  const raw = name.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (raw.length < 2 || raw.length > 5) return false;
  if (readsAsOrganisation(name)) return false;
  const particles = new Set(['af', 'av', 'de', 'del', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'zu', 'och']);
  let names = 0;
  for (const w of raw) {
    if (particles.has(w)) continue;
    if (!/^\p{Lu}\p{Ll}*(?:[-'’]\p{Lu}?\p{Ll}+)*\.?$/u.test(w)) return false;
    if (w.length > 2 && w === w.toLocaleUpperCase('sv-SE')) return false;
    names++;
  }
  return names >= 2;
}
