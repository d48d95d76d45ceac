/**
 * The fictional kommun the org group seeds, as plain data (no I/O): the unit tree and the HR export's
 * rows. Deterministic, so two runs with the same sizes seed the same organisation.
 *
 * Tree: Benchby kommun → Kommunstyrelsen → Kommunledningsförvaltningen (IT-avdelningen: it_unit,
 * Kansliavdelningen: kansli), and 8 nämnder each with a förvaltning. The avdelningar (5 enheter each)
 * are dealt round-robin over the 9 förvaltningar until the unit count is reached.
 */

export type UnitKind = 'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet';

export interface UnitPlan {
  /** Unique; sent as both code and externalId, and used as the HR export's Enhetskod. */
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  function?: 'it_unit' | 'kansli';
  /** 0 = kommun; a unit is created after its parent's level. */
  level: number;
}

export interface PersonRow {
  externalId: string;
  name: string;
  email: string;
  title: string;
  unitCode: string;
  /** Employee id of the manager, '' for the top of the chain. */
  manager: string;
}

/** Units that are always there: kommun, kommunstyrelse, its förvaltning, and 8 nämnder with their förvaltning. */
export const FIXED_UNITS = 19;
export const ENHETER_PER_AVDELNING = 5;
/** The förvaltning the subtree scenario filters on. */
export const SUBTREE_FORVALTNING = 'SOF';

const NAMNDER: Array<[code: string, namnd: string, forvaltning: string]> = [
  ['BUF', 'Barn- och utbildningsnämnden', 'Barn- och utbildningsförvaltningen'],
  ['SOF', 'Socialnämnden', 'Socialförvaltningen'],
  ['VOF', 'Vård- och omsorgsnämnden', 'Vård- och omsorgsförvaltningen'],
  ['KFF', 'Kultur- och fritidsnämnden', 'Kultur- och fritidsförvaltningen'],
  ['SBF', 'Samhällsbyggnadsnämnden', 'Samhällsbyggnadsförvaltningen'],
  ['MHF', 'Miljö- och hälsoskyddsnämnden', 'Miljö- och hälsoskyddsförvaltningen'],
  ['TKF', 'Tekniska nämnden', 'Tekniska förvaltningen'],
  ['AMF', 'Arbetsmarknadsnämnden', 'Arbetsmarknadsförvaltningen'],
];

const AREAS = (
  'Norr Söder Öster Väster Centrum Älvdalen Åsen Högalid Björkhagen Ängby Sjöstaden Furulund Hästhagen Kärrtorp ' +
  'Lövsta Rönninge Skogsbo Tallåsen Vårby Ödeby'
).split(' ');

/** The unit tree for about `total` units (at least FIXED_UNITS + 2 avdelningar with their enheter). */
export function planUnits(total: number): UnitPlan[] {
  const units: UnitPlan[] = [
    { code: 'KOM', name: 'Benchby kommun', kind: 'kommun', parentCode: null, level: 0 },
    { code: 'KS', name: 'Kommunstyrelsen', kind: 'kommunstyrelse', parentCode: 'KOM', level: 1 },
    { code: 'KLF', name: 'Kommunledningsförvaltningen', kind: 'forvaltning', parentCode: 'KS', level: 2 },
  ];
  for (const [code, namnd, forvaltning] of NAMNDER) {
    units.push({ code: `${code}-N`, name: namnd, kind: 'namnd', parentCode: 'KOM', level: 1 });
    units.push({ code, name: forvaltning, kind: 'forvaltning', parentCode: `${code}-N`, level: 2 });
  }
  const forvaltningar = ['KLF', ...NAMNDER.map(([code]) => code)];
  const avdelningar = Math.max(2, Math.round((total - FIXED_UNITS) / (1 + ENHETER_PER_AVDELNING)));
  const perForvaltning = new Map<string, number>();
  for (let i = 0; i < avdelningar; i++) {
    // The first two go to Kommunledningsförvaltningen (IT-avdelningen, Kansliavdelningen), then round-robin.
    const fv = i < 2 ? 'KLF' : forvaltningar[(i - 1) % forvaltningar.length]!;
    const k = (perForvaltning.get(fv) ?? 0) + 1;
    perForvaltning.set(fv, k);
    const code = `${fv}-A${String(k).padStart(2, '0')}`;
    const area = AREAS[(k - 1) % AREAS.length]!;
    const round = Math.floor((k - 1) / AREAS.length);
    let name = `Avdelning ${area}${round ? ` ${round + 1}` : ''}`;
    let fn: UnitPlan['function'];
    if (fv === 'KLF' && k === 1) [name, fn] = ['IT-avdelningen', 'it_unit'];
    if (fv === 'KLF' && k === 2) [name, fn] = ['Kansliavdelningen', 'kansli'];
    units.push({ code, name, kind: 'avdelning', parentCode: fv, level: 3, ...(fn ? { function: fn } : {}) });
    for (let j = 1; j <= ENHETER_PER_AVDELNING; j++) {
      const enhet = name.startsWith('Avdelning ') ? `Enhet ${name.slice('Avdelning '.length)} ${j}` : `${name}, enhet ${j}`;
      units.push({ code: `${code}-E${j}`, name: enhet, kind: 'enhet', parentCode: code, level: 4 });
    }
  }
  return units;
}

const FIRST = (
  'Åsa Åke Örjan Göran Björn Håkan Måns Mårten Jörgen Sören Gösta Märta Linnéa Anna Erik Lars Karin Maria Johan ' +
  'Per Eva Ingrid Nils Sofia Emma Oskar Agnes Elsa Hugo Ture Bengt Birgitta Lena Ulla Stig Tove Ylva Ebba Axel ' +
  'Signe'
).split(' ');
const LAST = (
  'Åström Öberg Bergström Lindström Sjöberg Ström Höglund Söderberg Nordström Björk Åberg Fröberg Holmström ' +
  'Lundström Engström Sandström Hägg Näslund Jönsson Håkansson Göransson Mårtensson Pettersson Andersson ' +
  'Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Lindqvist Wallin Ek Lund Berg ' +
  'Dahl Öhman'
).split(' ');
const STAFF_TITLES = (
  'Handläggare Undersköterska Lärare Socialsekreterare Ingenjör Administratör Förskollärare Kock Vårdbiträde ' +
  'Bibliotekarie Fritidsledare Miljöinspektör'
).split(' ');
/** Common in the surnames above (9 of 40): the search scenario's text. */
export const SEARCH_FRAGMENT = 'ström';

const ascii = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');

/**
 * The HR export: chefs first (kommundirektör, förvaltningschefer, avdelningschefer, enhetschefer —
 * every manager precedes the people they manage, so batches can be applied in order), then staff dealt
 * over the enheter, each managed by their enhetschef. `count` rows in all.
 */
export function planPeople(units: UnitPlan[], count: number): { rows: PersonRow[]; chefOf: Map<string, string> } {
  const rows: PersonRow[] = [];
  const chefOf = new Map<string, string>();
  const add = (unitCode: string, title: string, manager: string): string => {
    const i = rows.length;
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length + i * 7) % LAST.length]!;
    const externalId = `P${String(i + 1).padStart(6, '0')}`;
    rows.push({
      externalId,
      name: `${first} ${last}`,
      email: `${ascii(first)}.${ascii(last)}.${i + 1}@bench.test`,
      title,
      unitCode,
      manager,
    });
    return externalId;
  };
  const children = (code: string) => units.filter((u) => u.parentCode === code);
  const forvaltningar = units.filter((u) => u.kind === 'forvaltning');
  const top = add('KLF', 'Kommundirektör', '');
  chefOf.set('KLF', top);
  for (const fv of forvaltningar) if (fv.code !== 'KLF') chefOf.set(fv.code, add(fv.code, 'Förvaltningschef', top));
  const avdelningar = forvaltningar.flatMap((fv) => children(fv.code));
  for (const a of avdelningar) chefOf.set(a.code, add(a.code, 'Avdelningschef', chefOf.get(a.parentCode!)!));
  const enheter = avdelningar.flatMap((a) => children(a.code));
  for (const e of enheter) chefOf.set(e.code, add(e.code, 'Enhetschef', chefOf.get(e.parentCode!)!));
  if (rows.length > count) throw new Error(`${count} people are fewer than the ${rows.length} chefs the tree needs`);
  for (let k = 0; rows.length < count; k++) {
    const e = enheter[k % enheter.length]!;
    add(e.code, STAFF_TITLES[k % STAFF_TITLES.length]!, chefOf.get(e.code)!);
  }
  return { rows, chefOf };
}

/** Quotes a CSV cell when it needs it (the separator is ;). */
const cell = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A semicolon CSV as Swedish Excel writes it (UTF-8 with BOM), with Swedish headers. */
export function toCsv(rows: PersonRow[]): string {
  const header = ['Anställningsnummer', 'Namn', 'E-post', 'Befattning', 'Enhetskod', 'Närmaste chef'];
  const lines = rows.map((r) => [r.externalId, r.name, r.email, r.title, r.unitCode, r.manager].map(cell).join(';'));
  return `\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`;
}
