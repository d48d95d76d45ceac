/**
 * The system register the systems group imports, as plain data (no I/O): BENCH_SYSTEMS rows of a
 * systemförteckning as a kommun keeps it in Excel, over the org group's förvaltningar and people.
 * Deterministic, so two runs with the same sizes import the same register.
 *
 * Each system: a name with å/ä/ö (one of SUBJECTS, an area and a serial: unique), its förvaltning
 * (round-robin over the förvaltningar; every 8th is also used by the next förvaltning, every 100th is
 * kommungemensamt), systemägare (an avdelningschef or förvaltningschef of the förvaltning),
 * systemförvaltare (staff of the förvaltning), driftansvarig (IT-avdelningen's staff when the IT unit runs
 * it, else staff of the förvaltning) — all by e-mail, some as "Namn <e-post>" — with deliberate gaps
 * ("Vakant", empty cells), and hosting, lifecycle, criticality, personuppgifter, leverantör and avtalets
 * slutdatum (some already past), samhällsviktig in realistic proportions.
 */
import type { PersonRow, UnitPlan } from './org-data.ts';

export interface SystemRow {
  name: string;
  kind: string;
  /** The owning förvaltning's name, as the spreadsheet writes it. */
  unit: string;
  /** The owning förvaltning's code (for the seed's checks, not in the file). */
  unitCode: string;
  usedBy: string;
  /** Its code ('' when none; not in the file). */
  usedByCode: string;
  kommungemensamt: string;
  lifecycle: string;
  criticality: string;
  samhallsviktig: string;
  hosting: string;
  personalData: string;
  owner: string;
  manager: string;
  operations: string;
  supplier: string;
  agreementEnd: string;
  userCount: string;
}

/**
 * What systems are about. The search scenario's fragment (SEARCH_FRAGMENT) occurs in exactly one of
 * them, so it matches 1 / SUBJECTS.length of the systems (1 % for 100 subjects).
 */
const SUBJECTS = (
  'Ärendehantering Skolplattform Lönesystem Ekonomisystem Diarium Bygglovshantering Färdtjänst Bokningssystem Elevregister ' +
  'Journalsystem Vårdplanering Schemaläggning Tidrapportering Fakturahantering Upphandlingsstöd Avtalsdatabas Dokumenthantering ' +
  'E-arkiv Intranät Webbplats Kartverktyg Fastighetsregister Lokalbokning Bibliotekssystem Kulturskoleadministration ' +
  'Fritidsbokning Miljötillsyn Livsmedelskontroll Parkeringstillstånd Felanmälan Kundtjänst Växel Telefoni Nätverksövervakning ' +
  'Säkerhetskopiering Behörighetsportal Identitetshantering Inloggningstjänst Skrivarhantering Mobilhantering Lärplattform ' +
  'Närvaroregistrering Skolskjuts Måltidsplanering Kostdatasystem Hemtjänstplanering Trygghetslarm Läkemedelshantering ' +
  'Avvikelsehantering Klagomålshantering Synpunktshantering Medborgardialog Nämndadministration Protokollhantering ' +
  'Röstningssystem Valadministration Befolkningsregister Försörjningsstöd Barnavårdsutredning Familjerätt Missbruksvård ' +
  'Arbetsmarknadsinsatser Integrationsstöd Bostadsförmedling Energiuppföljning Gatubelysning VA-system Avfallshantering ' +
  'Snöröjning Trafikplanering Geodata Detaljplanering Mätningssystem Fordonsflotta Personalhandbok Rekryteringssystem ' +
  'Kompetensportal Medarbetarenkät Friskvårdsportal Reseräkning Inköpsportal Lagerhantering Anläggningsregister ' +
  'Projektstyrning Beslutsstöd Statistikportal Budgetering Kassasystem Bidragshantering Föreningsregister Evenemangskalender ' +
  'Turistinformation Nyhetsbrev Enkätverktyg Videomöten Chattjänst Signeringstjänst Posthantering Arkivsök Krisledning'
).split(' ');

/** The search scenario's text: in one subject only ("Färdtjänst"), with an ä. */
export const SEARCH_FRAGMENT = 'färdtjänst';

const AREAS = 'Norr Söder Öster Väster Centrum Älvdalen Åsen Högalid Björkhagen Ängby Sjöstaden Furulund Hästhagen Kärrtorp Ödeby'.split(
  ' ',
);

const KINDS = ['Verksamhetssystem', 'Verksamhetssystem', 'Verksamhetssystem', 'E-tjänst', 'Program', 'Integration', 'Infrastruktur'];

const SUPPLIER_FIRST = (
  'Åkerströms Björklunds Nordström Söderbergs Älvsby Öresunds Högberg Lindqvist Fjällström Sjöholms Västerås Göta Norrlands ' +
  'Skånska Dalarnas Mälardalens Vänerns Hälsinge Ångermanlands Östgöta'
).split(' ');
const SUPPLIER_LAST = ['Data AB', 'IT-konsult AB', 'Systemhus AB', 'Programvara AB', 'Digitala Tjänster AB', 'Molntjänst AB'];

/** Lifecycle words as a register writes them, with their share in twentieths (sum 20). */
const LIFECYCLES: Array<[word: string, twentieths: number]> = [
  ['I drift', 14],
  ['Planerad', 1],
  ['Under införande', 2],
  ['Under avveckling', 2],
  ['Avvecklad', 1],
];

/** Hosting words and their share in twentieths; 'Intern' is the IT unit's own operation. */
const HOSTINGS: Array<[word: string, twentieths: number]> = [
  ['Intern', 5],
  ['Intern leverantör', 1],
  ['Hos leverantör', 5],
  ['SaaS', 6],
  ['Azure', 1],
  ['Myndighet', 1],
  ['', 1],
];
const CRITICALITIES: Array<[word: string, twentieths: number]> = [
  ['Låg', 8],
  ['Medel', 7],
  ['Hög', 3],
  ['', 2],
];
const PERSONAL: Array<[word: string, twentieths: number]> = [
  ['Ja', 10],
  ['Nej', 6],
  ['Ja, känsliga', 4],
];
const SAMHALLSVIKTIG: Array<[word: string, twentieths: number]> = [
  ['Ja', 1],
  ['Nej', 17],
  ['', 2],
];

/** murmur3's finaliser: a well-mixed 32-bit number for row i and a salt, so the columns do not move in step. */
function mix(i: number, salt: number): number {
  let h = (Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
/** A deterministic number in [0, m) for row i and a salt. */
const spread = (i: number, salt: number, m: number): number => mix(i, salt) % m;
/** A word from a table of shares in twentieths. */
function pick(i: number, salt: number, table: Array<[string, number]>): string {
  let r = spread(i, salt, 20);
  for (const [word, n] of table) {
    if (r < n) return word;
    r -= n;
  }
  return table[table.length - 1]![0];
}

const CHEF_TITLES = new Set(['Kommundirektör', 'Förvaltningschef', 'Avdelningschef', 'Enhetschef']);
/** IT-avdelningen of Kommunledningsförvaltningen (org-data.ts): its staff run the IT unit's systems. */
const IT_UNIT = 'KLF-A01';

interface Pools {
  owners: PersonRow[];
  staff: PersonRow[];
}

const under = (code: string, p: PersonRow) => p.unitCode === code || p.unitCode.startsWith(`${code}-`);

/** Per förvaltning: who may own (its förvaltningschef and avdelningschefer) and who administers (its staff, else its chefs). */
function poolsOf(forvaltningar: UnitPlan[], people: PersonRow[]): Map<string, Pools> {
  const pools = new Map<string, Pools>();
  for (const fv of forvaltningar) {
    const mine = people.filter((p) => under(fv.code, p));
    const owners = mine.filter((p) => p.title === 'Förvaltningschef' || p.title === 'Avdelningschef' || p.title === 'Kommundirektör');
    const staff = mine.filter((p) => !CHEF_TITLES.has(p.title));
    if (!mine.length) throw new Error(`no people in ${fv.name}`);
    pools.set(fv.code, { owners: owners.length ? owners : mine, staff: staff.length ? staff : mine });
  }
  return pools;
}

/** A role cell: the person's e-mail, every 10th as "Namn <e-post>" as people paste from Outlook. */
const personCell = (p: PersonRow, i: number): string => (i % 10 === 3 ? `${p.name} <${p.email}>` : p.email);

/** The last day of a month, written ISO or as "31/12 2027" (both are read as dates). */
function endDate(i: number): string {
  const year = 2025 + spread(i, 7, 7); // 2025–2031: some have ended (the bench runs in 2026 and later)
  const month = 1 + spread(i, 8, 12);
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return i % 3 === 0 ? `${day}/${mm} ${year}` : `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** The register: `count` systems over the förvaltningar of `units`, held by `people` (the org group's HR import). */
export function planSystems(units: UnitPlan[], people: PersonRow[], count: number): SystemRow[] {
  const forvaltningar = units.filter((u) => u.kind === 'forvaltning');
  if (!forvaltningar.length) throw new Error('the organisation has no förvaltning');
  const pools = poolsOf(forvaltningar, people);
  const itStaff = people.filter((p) => under(IT_UNIT, p) && !CHEF_TITLES.has(p.title));
  const suppliers = SUPPLIER_FIRST.flatMap((f) => SUPPLIER_LAST.map((l) => `${f} ${l}`));
  const rows: SystemRow[] = [];
  for (let i = 0; i < count; i++) {
    const fv = forvaltningar[i % forvaltningar.length]!;
    const pool = pools.get(fv.code)!;
    const hosting = pick(i, 1, HOSTINGS);
    const internal = hosting === 'Intern';
    const operators = internal && itStaff.length ? itStaff : pool.staff;
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const area = AREAS[spread(i, 2, AREAS.length)]!;
    const gap = spread(i, 3, 100);
    const user = i % 8 === 5 ? forvaltningar[(i + 1) % forvaltningar.length]! : null;
    const withSupplier = !internal && hosting !== '' && hosting !== 'Myndighet';
    rows.push({
      name: `${subject} ${area} ${i + 1}`,
      kind: KINDS[spread(i, 4, KINDS.length)]!,
      unit: fv.name,
      unitCode: fv.code,
      usedBy: user?.name ?? '',
      usedByCode: user?.code ?? '',
      kommungemensamt: i % 100 === 42 ? 'Ja' : 'Nej',
      lifecycle: pick(i, 5, LIFECYCLES),
      criticality: pick(i, 6, CRITICALITIES),
      samhallsviktig: pick(i, 9, SAMHALLSVIKTIG),
      hosting,
      personalData: pick(i, 10, PERSONAL),
      // Gaps the findings should show: 3 % without systemägare, 5 % without systemförvaltare, 4 % driftansvarig empty.
      owner: gap < 3 ? 'Vakant' : personCell(pool.owners[spread(i, 11, pool.owners.length)]!, i),
      manager: gap >= 3 && gap < 8 ? '' : personCell(pool.staff[spread(i, 12, pool.staff.length)]!, i + 1),
      operations: gap >= 8 && gap < 12 ? '' : personCell(operators[spread(i, 13, operators.length)]!, i + 2),
      supplier: withSupplier ? suppliers[spread(i, 14, suppliers.length)]! : '',
      agreementEnd: withSupplier && gap % 10 !== 7 ? endDate(i) : '',
      userCount: String(5 + spread(i, 15, 2000)),
    });
  }
  return rows;
}

/** The file's columns: Swedish headers as registers write them, recognised by the import (server/modules/system-import/fields.ts). */
const COLUMNS: Array<[header: string, get: (r: SystemRow) => string]> = [
  ['Systemnamn', (r) => r.name],
  ['Systemtyp', (r) => r.kind],
  ['Förvaltning', (r) => r.unit],
  ['Används av', (r) => r.usedBy],
  ['Kommungemensamt', (r) => r.kommungemensamt],
  ['Livscykel', (r) => r.lifecycle],
  ['Kritikalitet', (r) => r.criticality],
  ['Samhällsviktig (J/N)', (r) => r.samhallsviktig],
  ['Driftform', (r) => r.hosting],
  ['Personuppgifter', (r) => r.personalData],
  ['Systemägare', (r) => r.owner],
  ['Systemförvaltare', (r) => r.manager],
  ['Driftansvarig', (r) => r.operations],
  ['Leverantör', (r) => r.supplier],
  ['Avtalets slutdatum', (r) => r.agreementEnd],
  ['Antal användare', (r) => r.userCount],
];

/** Quotes a CSV cell when it needs it (the separator is ;). */
const cell = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A semicolon CSV as Swedish Excel writes it (UTF-8 with BOM), with Swedish headers. */
export function toCsv(rows: SystemRow[]): string {
  const lines = rows.map((r) => COLUMNS.map(([, get]) => cell(get(r))).join(';'));
  return `\uFEFF${[COLUMNS.map(([h]) => h).join(';'), ...lines].join('\r\n')}\r\n`;
}

/** Systems whose name contains the fragment, ignoring case as the register's search does. */
export const matchingNames = (rows: SystemRow[], fragment: string): number =>
  rows.filter((r) => r.name.toLocaleLowerCase('sv-SE').includes(fragment.toLocaleLowerCase('sv-SE'))).length;
