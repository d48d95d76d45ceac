/**
 * The demo kommun: fictional, shaped like the seed policy's organisation. Pure data; `ansvar demo`
 * writes it through the same use cases as the API. Deliberate gaps make findings show.
 */
export interface DemoUnit {
  key: string;
  name: string;
  kind: 'kommun' | 'kommunstyrelse' | 'namnd' | 'forvaltning' | 'avdelning' | 'enhet' | 'annan';
  parent: string | null;
  code?: string;
  function?: 'it_unit' | 'kansli';
  /** People employed here (the first is the unit's chef unless noChef). */
  staff?: number;
  noChef?: boolean;
}

export const DEMO_KOMMUN = 'Exempelby kommun';

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'kommun', name: DEMO_KOMMUN, kind: 'kommun', parent: null, code: '9999' },
  { key: 'kf', name: 'Kommunfullmäktige', kind: 'annan', parent: 'kommun', code: 'KF' },
  { key: 'ks', name: 'Kommunstyrelsen', kind: 'kommunstyrelse', parent: 'kf', code: 'KS' },
  { key: 'klf', name: 'Kommunledningsförvaltningen', kind: 'forvaltning', parent: 'ks', code: 'KLF', staff: 4 },
  { key: 'it', name: 'IT-enheten', kind: 'enhet', parent: 'klf', code: 'KLF-IT', function: 'it_unit', staff: 7 },
  { key: 'kansli', name: 'Kansliet', kind: 'enhet', parent: 'klf', code: 'KLF-KANS', function: 'kansli', staff: 3 },
  { key: 'digi', name: 'Digitaliseringsenheten', kind: 'enhet', parent: 'klf', code: 'KLF-DIGI', staff: 2 },
  { key: 'bun', name: 'Barn- och utbildningsnämnden', kind: 'namnd', parent: 'kf', code: 'BUN' },
  { key: 'buf', name: 'Barn- och utbildningsförvaltningen', kind: 'forvaltning', parent: 'bun', code: 'BUF', staff: 2 },
  { key: 'forskola', name: 'Förskolan', kind: 'enhet', parent: 'buf', code: 'BUF-FSK', staff: 5 },
  { key: 'grundskola', name: 'Grundskolan', kind: 'enhet', parent: 'buf', code: 'BUF-GRS', staff: 5 },
  { key: 'sn', name: 'Socialnämnden', kind: 'namnd', parent: 'kf', code: 'SN' },
  { key: 'sof', name: 'Socialförvaltningen', kind: 'forvaltning', parent: 'sn', code: 'SOF', staff: 2 },
  { key: 'aldre', name: 'Äldreomsorgen', kind: 'enhet', parent: 'sof', code: 'SOF-ÄO', staff: 7 },
  { key: 'ifo', name: 'Individ- och familjeomsorgen', kind: 'enhet', parent: 'sof', code: 'SOF-IFO', staff: 5 },
  { key: 'sbn', name: 'Samhällsbyggnadsnämnden', kind: 'namnd', parent: 'kf', code: 'SBN' },
  { key: 'sbf', name: 'Samhällsbyggnadsförvaltningen', kind: 'forvaltning', parent: 'sbn', code: 'SBF', staff: 3 },
  { key: 'bygglov', name: 'Bygglovsenheten', kind: 'enhet', parent: 'sbf', code: 'SBF-BYG', staff: 3 },
  { key: 'va', name: 'VA-enheten', kind: 'enhet', parent: 'sbf', code: 'SBF-VA', staff: 3 },
  { key: 'kfn', name: 'Kultur- och fritidsnämnden', kind: 'namnd', parent: 'kf', code: 'KFN' },
  // Gap: nobody is chef of Kultur- och fritidsförvaltningen.
  { key: 'kff', name: 'Kultur- och fritidsförvaltningen', kind: 'forvaltning', parent: 'kfn', code: 'KFF', staff: 2, noChef: true },
  { key: 'bibliotek', name: 'Biblioteket', kind: 'enhet', parent: 'kff', code: 'KFF-BIB', staff: 4 },
  // Gap: a förvaltning with no nämnd above it.
  { key: 'miljo', name: 'Miljöförvaltningen', kind: 'forvaltning', parent: 'kommun', code: 'MF', staff: 3 },
];

const FIRST = [
  'Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Anders', 'Eva', 'Johan', 'Sara', 'Mikael', 'Lena', 'Per', 'Åsa', 'Björn',
  'Ingrid', 'Nils', 'Elin', 'Olof', 'Helena', 'Jonas', 'Malin', 'Fredrik', 'Sofia', 'Gustav', 'Linnéa', 'Mats', 'Ylva',
  'Henrik', 'Märta', 'Tobias', 'Ebba', 'Oskar',
];
const LAST = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Lindström',
  'Öberg', 'Åkesson', 'Holm', 'Berg', 'Sjöberg', 'Wallin', 'Engström', 'Lundqvist',
];

/** A deterministic list of distinct fictional names (no real people's data). */
export function demoNames(count: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const name = `${FIRST[(i * 7) % FIRST.length]} ${LAST[(i * 11 + Math.floor(i / FIRST.length)) % LAST.length]}`;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Titles by unit kind; the first person of a unit with staff is its chef. */
export function demoTitle(unit: DemoUnit, index: number): string {
  if (index === 0 && !unit.noChef) return unit.kind === 'forvaltning' ? 'Förvaltningschef' : 'Enhetschef';
  if (unit.function === 'it_unit') return ['IT-driftsledare', 'Systemtekniker', 'Nätverkstekniker', 'IT-tekniker', 'Servicedesk'][index % 5]!;
  if (unit.key === 'digi') return 'Digitaliseringsstrateg';
  if (unit.function === 'kansli') return index === 1 ? 'Kommunsekreterare' : 'Nämndsekreterare';
  return ['Handläggare', 'Systemförvaltare', 'Administratör', 'Samordnare', 'Utredare'][index % 5]!;
}

/** E-mail from a name: "Åsa Öberg" → "asa.oberg@exempelby.test" (a reserved test domain). */
export function demoEmail(name: string): string {
  const local = name
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${local}@exempelby.test`;
}
