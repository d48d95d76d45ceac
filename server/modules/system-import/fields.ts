import { findHeaderRow } from '../../platform/spreadsheet/index.ts';

/**
 * Recognising the columns of a system register spreadsheet. Headers are compared without case, spaces
 * and punctuation ("Avtalets slutdatum", "AVTALETS SLUTDATUM" and "avtalets-slutdatum" are the same);
 * a header no name matches is tried part by part ("Driftform (intern/extern)" → "Driftform"). Each
 * field lists its names best first, so "Systemnamn" wins over "Namn". The caller's mapping (header as
 * in the file → field or null) overrides what is recognised. Pure: no I/O.
 */
export const FIELDS = [
  'registerNo', 'name', 'aliases', 'kind', 'description', 'purpose', 'unit', 'usingUnits', 'kommungemensamt', 'lifecycle',
  'criticality', 'samhallsviktig', 'hosting', 'dataLocation', 'thirdCountryTransfer', 'personalData', 'sensitivePersonalData',
  'authMethod', 'userCount', 'link', 'owner', 'manager', 'operations', 'supplier', 'agreementEnd', 'confidentiality', 'integrity',
  'availability', 'traceability', 'classification', 'note',
] as const;
export type Field = (typeof FIELDS)[number];

/** The role a person column gives on the system (keys of the policy's role catalogue). */
export const ROLE_FIELDS = { owner: 'systemagare', manager: 'systemforvaltare', operations: 'driftansvarig' } as const;
export type RoleField = keyof typeof ROLE_FIELDS;

const NAMES: Record<Field, string[]> = {
  registerNo: ['registernummer', 'registernr', 'regnr', 'sysnr', 'systemnummer', 'systemnr', 'systemid', 'registerno', 'registernumber', 'systemno', 'systemnumber', 'nr', 'nummer', 'id', 'number', 'no'],
  name: ['systemnamn', 'system', 'itsystem', 'systemetsnamn', 'namn', 'applikation', 'applikationsnamn', 'programnamn', 'benämning', 'systemname', 'name', 'application', 'applicationname'],
  aliases: ['alias', 'aliaser', 'andranamn', 'ävenkallat', 'kallasäven', 'tidigarenamn', 'aliases', 'othernames', 'aka'],
  kind: ['systemtyp', 'typavsystem', 'typ', 'systemkategori', 'kategori', 'systemtype', 'kind', 'type', 'category'],
  description: ['beskrivning', 'systembeskrivning', 'kortbeskrivning', 'description', 'summary'],
  purpose: ['syfte', 'ändamål', 'användningsområde', 'användning', 'verksamhetsstöd', 'purpose', 'usage', 'use'],
  unit: [
    'förvaltning', 'ägandeförvaltning', 'ansvarigförvaltning', 'systemägandeförvaltning', 'förvaltningsnamn', 'organisation', 'verksamhet',
    'avdelning', 'enhet', 'owningunit', 'ownerunit', 'unit', 'department', 'administration', 'organization',
  ],
  usingUnits: ['användsav', 'användandeförvaltningar', 'andraförvaltningar', 'övrigaförvaltningar', 'användandeenheter', 'usedby', 'usingunits', 'otherunits', 'usingdepartments'],
  kommungemensamt: ['kommungemensamt', 'kommungemensam', 'kommungemensamtsystem', 'gemensamt', 'gemensamtsystem', 'sharedbykommun', 'municipalitywide', 'shared'],
  lifecycle: ['livscykel', 'livscykelstatus', 'livscykelfas', 'status', 'systemstatus', 'fas', 'driftstatus', 'lifecycle', 'lifecyclestatus', 'stage', 'phase'],
  criticality: ['kritikalitet', 'kritiskhet', 'verksamhetskritisk', 'verksamhetskritiskt', 'affärskritisk', 'kritisk', 'criticality', 'businesscriticality', 'critical'],
  samhallsviktig: ['samhällsviktig', 'samhällsviktigt', 'samhällsviktigverksamhet', 'samhällskritisk', 'vitaltosociety', 'vital', 'criticalinfrastructure'],
  hosting: [
    'hosting', 'driftform', 'driftsform', 'hostingdriftform', 'driftformhosting', 'driftmiljö', 'driftsmiljö', 'driftplats', 'driftsätt', 'driftssätt',
    'placering', 'varkörssystemet', 'drift', 'hostingmodel', 'deployment', 'hostedby',
  ],
  dataLocation: ['datalagring', 'lagringsplats', 'varlagrasdata', 'datalokalisering', 'datalokation', 'dataplacering', 'geografisklagring', 'datalocation', 'datastorage', 'storagelocation', 'dataresidency'],
  thirdCountryTransfer: ['tredjelandsöverföring', 'överföringtilltredjeland', 'tredjeland', 'thirdcountrytransfer', 'thirdcountry'],
  personalData: ['personuppgifter', 'behandlarpersonuppgifter', 'innehållerpersonuppgifter', 'personuppgiftsbehandling', 'pu', 'gdpr', 'personaldata', 'pii'],
  sensitivePersonalData: ['känsligapersonuppgifter', 'känsligapu', 'särskildakategorier', 'sensitivepersonaldata', 'specialcategories'],
  authMethod: ['inloggning', 'inloggningsmetod', 'autentisering', 'autentiseringsmetod', 'authentication', 'authmethod', 'login', 'signin'],
  userCount: ['antalanvändare', 'antalanv', 'användare', 'antal', 'numberofusers', 'usercount', 'users'],
  link: ['länk', 'url', 'webbadress', 'hemsida', 'link', 'website'],
  owner: ['systemägare', 'objektägare', 'ägare', 'systemowner', 'owner', 'businessowner'],
  manager: ['systemförvaltare', 'objektförvaltare', 'förvaltningsledare', 'förvaltare', 'systemmanager', 'systemadministrator', 'manager'],
  operations: ['driftansvarig', 'driftsansvarig', 'driftansvar', 'itdriftsledare', 'driftsledare', 'operationslead', 'operationsmanager', 'operations'],
  supplier: ['leverantör', 'systemleverantör', 'leverantörsnamn', 'tillverkare', 'supplier', 'vendor', 'provider'],
  agreementEnd: [
    'avtaletsslutdatum', 'avtalsslutdatum', 'avtalslut', 'avtalsslut', 'avtaletgällertill', 'avtaletgällertom', 'avtalgällertom', 'avtaltom',
    'avtaletlöperut', 'avtalsperiodslut', 'slutdatum', 'contractend', 'contractenddate', 'agreementend', 'agreementenddate', 'enddate', 'expirydate',
  ],
  confidentiality: ['konfidentialitet', 'k', 'confidentiality', 'c'],
  integrity: ['riktighet', 'r', 'integrity', 'i'],
  availability: ['tillgänglighet', 't', 'availability', 'a'],
  traceability: ['spårbarhet', 's', 'traceability'],
  classification: ['krt', 'krts', 'krtklassning', 'krtsklassning', 'informationsklassning', 'informationsklass', 'klassning', 'skyddsnivå', 'cia', 'classification', 'informationclassification'],
  note: ['kommentar', 'kommentarer', 'anteckning', 'anteckningar', 'övrigt', 'notering', 'noteringar', 'anmärkning', 'comment', 'comments', 'note', 'notes', 'remarks'],
};

export const normaliseHeader = (s: string): string =>
  s.normalize('NFC').toLowerCase().replace(/[\s.\-_:/()*#'"?,!;[\]{}<>+]+/g, '');

const RANK = new Map<string, { field: Field; rank: number }>();
for (const field of FIELDS) NAMES[field].forEach((n, rank) => RANK.set(n, { field, rank }));

/** Words people add to a header that do not change its meaning ("Systemägare namn", "Samhällsviktig J/N"). */
const SUFFIX = /(namn|epost|email|mejl|mail|janej|nejja|jn|yn|yesno|datum|date|st|antal)$/;

/** The field a header names, with its rank among the field's names (lower is better); null when none. */
export function recognise(label: string): { field: Field; rank: number } | null {
  const whole = normaliseHeader(label);
  const tries = [whole, whole.replace(SUFFIX, '')];
  const parts = label.split(/[/()[\]|,;]+/).map(normaliseHeader).filter(Boolean);
  if (parts.length > 1) for (const p of parts) tries.push(p, p.replace(SUFFIX, ''));
  for (const [i, t] of tries.entries()) {
    const hit = t ? RANK.get(t) : undefined;
    // A shortened header or a part of it is a weaker signal than the whole header.
    if (hit) return i === 0 ? hit : { field: hit.field, rank: hit.rank + 100 * i };
  }
  return null;
}

export interface Column {
  index: number;
  /** The header as written in the file (spaces trimmed), for messages and the mapping. */
  label: string;
}
export type Columns = Partial<Record<Field, Column>>;

/** The caller's corrections: header as in the file → field, or null to ignore the column. */
export type Mapping = Record<string, Field | null>;

/** The corrected field of a header, if the mapping names it (exact label first, then ignoring case and punctuation). */
function mapped(mapping: Mapping, label: string): { hit: true; field: Field | null } | { hit: false } {
  if (Object.hasOwn(mapping, label)) return { hit: true, field: mapping[label] ?? null };
  const n = normaliseHeader(label);
  for (const [k, v] of Object.entries(mapping)) if (normaliseHeader(k) === n) return { hit: true, field: v };
  return { hit: false };
}

/**
 * The fields a header row provides: the caller's mapping first, then for each field its best-named
 * column. A field the mapping gives to one column is not also taken by another.
 */
export function columnsOf(header: readonly string[], mapping: Mapping): Columns {
  const chosen: Columns = {};
  const best: Partial<Record<Field, { col: Column; rank: number }>> = {};
  header.forEach((raw, index) => {
    const label = raw.trim();
    if (!label) return;
    const m = mapped(mapping, label);
    if (m.hit) {
      if (m.field && !chosen[m.field]) chosen[m.field] = { index, label };
      return;
    }
    const hit = recognise(label);
    if (!hit) return;
    const seen = best[hit.field];
    if (!seen || hit.rank < seen.rank) best[hit.field] = { col: { index, label }, rank: hit.rank };
  });
  for (const [field, v] of Object.entries(best) as Array<[Field, { col: Column }]>) chosen[field] ??= v.col;
  return chosen;
}

/** What the dry-run shows of one header cell: its label and the field it was read as (null: ignored). */
export function headerMapping(header: readonly string[], columns: Columns): Array<{ label: string; field: Field | null }> {
  const byIndex = new Map(Object.entries(columns).map(([f, c]) => [c.index, f as Field]));
  return header.flatMap((raw, index) => (raw.trim() ? [{ label: raw.trim(), field: byIndex.get(index) ?? null }] : []));
}

/**
 * The header row: the first of a sheet's first rows that names the system (name or register number)
 * and at least one other known column. Title rows, blank rows and notes above it are skipped.
 */
export function findHeader(rows: readonly string[][], mapping: Mapping): { index: number; columns: Columns } | null {
  return findHeaderRow(rows, (cells) => {
    const columns = columnsOf(cells, mapping);
    return (columns.name || columns.registerNo) && Object.keys(columns).length >= 2 ? columns : null;
  });
}

/** Sheet names spreadsheet programs give by default: they do not name a förvaltning. */
const GENERIC_SHEET = /^(blad|sheet|sida|tabell|table|ark|page|data|export|systemförteckning|system|systems|register|lista|list|förteckning)\s*\d*$/i;
export const sheetNamesUnit = (name: string | null): name is string => name !== null && name.trim() !== '' && !GENERIC_SHEET.test(name.trim());
