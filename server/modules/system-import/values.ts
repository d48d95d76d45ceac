import { LOCALES } from '../../../shared/roles.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { SYSTEM_WORDS, type SystemWords } from '../systems/index.ts';
import type { AuthMethod, Criticality, DataLocation, Hosting, Lifecycle, PersonalData, SystemKind } from '../systems/index.ts';

/**
 * Reading the cells of a system register spreadsheet as people write them: Swedish or English words in
 * any case, yes/no as Ja/Nej/J/N/X, dates as Excel dates, ISO text or "31/12 2026". Each reader gives
 * the value, or the message key that says what is wrong with the cell. Pure: no I/O.
 */
export type Parsed<T> = { value: T } | { error: MessageKey; params?: Record<string, string | number> };

/** Lower case (å/ä/ö kept: they matter in Swedish), punctuation and runs of spaces as one space. */
export const words = (s: string): string =>
  s.normalize('NFC').toLowerCase().replace(/[.,;:!?()[\]"'*_/\\-]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * A reader that remembers what it read: a register repeats the same few words ("Ja", "Hos leverantör")
 * thousands of times. Bounded, so a file of unique values does not grow it without end.
 */
export function memo<T>(read: (text: string) => T, max = 5000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) {
      v = read(text);
      if (seen.size >= max) seen.clear();
      seen.set(text, v);
    }
    return v;
  };
}

/** The words the export writes for a field (both languages) → their codes: a file from the export reads back exactly. */
function exported<K extends Exclude<keyof SystemWords, 'yes' | 'no'>>(field: K): Record<string, keyof SystemWords[K]> {
  const out: Record<string, keyof SystemWords[K]> = {};
  for (const lang of LOCALES) {
    for (const [code, word] of Object.entries(SYSTEM_WORDS[lang][field] as Record<string, string>)) out[words(word)] = code as keyof SystemWords[K];
  }
  return out;
}

function lookup<T>(table: Record<string, T>, text: string, key: MessageKey): Parsed<T> {
  const hit = table[words(text)];
  return hit === undefined ? { error: key, params: { value: text } } : { value: hit };
}

const YES = ['ja', 'j', 'x', 'yes', 'y', 'true', 'sant', '1', '✓', '✔', 'ok'];
const NO = ['nej', 'n', 'no', 'false', 'falskt', '0', 'ej', 'inte', 'saknas', 'none'];

/** Ja/Nej/J/N/X/yes/no/true/false/1/0 (and "Ja, …": the first word decides). */
export const yesNo = memo(function yesNo(text: string): Parsed<boolean> {
  const w = words(text);
  const first = w.split(' ')[0] ?? '';
  if (YES.includes(w) || YES.includes(first)) return { value: true };
  if (NO.includes(w) || NO.includes(first)) return { value: false };
  return { error: 'systemImport.value.yes_no', params: { value: text } };
});

/** Personuppgifter: Ja → personal, Nej → none, "Ja, känsliga" (or "känsliga") → sensitive. */
const PERSONAL_DATA_WORDS = exported('personalData');
export const personalData = memo(function personalData(text: string): Parsed<PersonalData> {
  const w = words(text);
  const known = PERSONAL_DATA_WORDS[w];
  if (known) return { value: known };
  const sensitive = /känslig|sensitive|särskild|special|art 9|artikel 9/.test(w) && !/\b(ej|inte|inga|icke|not|non|no)\b.*(känslig|sensitive)/.test(w);
  const yn = yesNo(text);
  if ('value' in yn) return { value: !yn.value ? 'none' : sensitive ? 'sensitive' : 'personal' };
  if (sensitive) return { value: 'sensitive' };
  if (/^(vanliga|personuppgifter|personal|ordinary|övriga)/.test(w)) return { value: 'personal' };
  return { error: 'systemImport.value.personal_data', params: { value: text } };
});

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1, feb: 2, februari: 2, february: 2, mar: 3, mars: 3, march: 3, apr: 4, april: 4, maj: 5, may: 5,
  jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8, augusti: 8, august: 8, sep: 9, sept: 9, september: 9, okt: 10, oct: 10,
  oktober: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days from 1899-12-30 (Excel's day 0, after its 1900 leap-year bug) for a bare serial number. */
const fromSerial = (n: number): string => new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A date: an Excel date (read as ISO), ISO text (with or without a time), 31/12 2026, 31/12/2026,
 * 31.12.2026, 31-12-2026, 2026/12/31, 20261231, "31 dec 2026", or an Excel serial number.
 */
export const dateOf = memo(function dateOf(text: string): Parsed<string> {
  const t = text.trim();
  const bad: Parsed<string> = { error: 'systemImport.value.date', params: { value: text } };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) return wrap(isoOf(+m[1]!, +m[2]!, +m[3]!), bad);
  m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s]+(\d{4})$/.exec(t);
  if (m) return wrap(isoOf(+m[3]!, +m[2]!, +m[1]!), bad);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return wrap(isoOf(+m[1]!, +m[2]!, +m[3]!), bad);
  m = /^(\d{1,2})\s*([a-zåäö]+)\.?\s*(\d{4})$/i.exec(t);
  if (m && MONTHS[m[2]!.toLowerCase()]) return wrap(isoOf(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!), bad);
  if (/^\d{5}(\.\d+)?$/.test(t) && +t >= 1 && +t < 110_000) return { value: fromSerial(Math.floor(+t)) };
  return bad;
});
const wrap = (iso: string | null, bad: Parsed<string>): Parsed<string> => (iso ? { value: iso } : bad);

/** A count such as "200", "1 200", "ca 200", "~50", "200+", "50–100" (the larger number). */
export const countOf = memo(function countOf(text: string): Parsed<number> {
  const nums = text.replace(/(\d)[\s\u00a0](?=\d{3}\b)/g, '$1').match(/\d+/g);
  const rest = text.replace(/[\d\s\u00a0]/g, '').replace(/^(ca|cirka|ungefär|approx|about|~|>|<|≈|\+)+/i, '').replace(/(st|användare|users|\+|-|–)+$/i, '');
  if (!nums || nums.length > 2 || rest.length > 1) return { error: 'systemImport.value.count', params: { value: text } };
  const n = Math.max(...nums.map(Number));
  return n > 10_000_000 ? { error: 'systemImport.value.count', params: { value: text } } : { value: n };
});

const LIFECYCLE_WORDS_OWN: Record<string, Lifecycle> = {
  planerad: 'planned', planerat: 'planned', planering: 'planned', plan: 'planned', planned: 'planned', 'ej påbörjad': 'planned',
  'under införande': 'implementing', införande: 'implementing', införs: 'implementing', implementeras: 'implementing', implementering: 'implementing',
  'under implementering': 'implementing', upphandling: 'implementing', implementing: 'implementing', 'being implemented': 'implementing',
  'i drift': 'in_operation', drift: 'in_operation', 'i produktion': 'in_operation', produktion: 'in_operation', aktiv: 'in_operation',
  aktivt: 'in_operation', används: 'in_operation', 'i bruk': 'in_operation', 'in operation': 'in_operation', operational: 'in_operation',
  'in use': 'in_operation', live: 'in_operation', production: 'in_operation', active: 'in_operation', 'in production': 'in_operation',
  'under avveckling': 'retiring', avvecklas: 'retiring', avveckling: 'retiring', 'ska avvecklas': 'retiring', 'fasas ut': 'retiring',
  retiring: 'retiring', 'being retired': 'retiring', 'phasing out': 'retiring',
  avvecklad: 'retired', avvecklat: 'retired', 'ur drift': 'retired', nedlagd: 'retired', nedlagt: 'retired', retired: 'retired',
  decommissioned: 'retired', 'out of use': 'retired',
};
/** The export's own words win over the variants above. */
const LIFECYCLE_WORDS: Record<string, Lifecycle> = { ...LIFECYCLE_WORDS_OWN, ...exported('lifecycle') };
export const lifecycleOf = memo((text: string): Parsed<Lifecycle> => lookup(LIFECYCLE_WORDS, text, 'systemImport.value.lifecycle'));

const CRITICALITY_WORDS_OWN: Record<string, Criticality> = {
  låg: 'low', lag: 'low', low: 'low', l: 'low', '1': 'low', liten: 'low',
  medel: 'medium', mellan: 'medium', måttlig: 'medium', medium: 'medium', m: 'medium', '2': 'medium', normal: 'medium',
  hög: 'high', hog: 'high', high: 'high', h: 'high', '3': 'high', '4': 'high', 'mycket hög': 'high', kritisk: 'high', critical: 'high', 'very high': 'high',
};
/** The export's own words win over the variants above. */
const CRITICALITY_WORDS: Record<string, Criticality> = { ...CRITICALITY_WORDS_OWN, ...exported('criticality') };
export const criticalityOf = memo((text: string): Parsed<Criticality> => lookup(CRITICALITY_WORDS, text, 'systemImport.value.criticality'));

const KIND_WORDS_OWN: Record<string, SystemKind> = {
  verksamhetssystem: 'business', verksamhet: 'business', business: 'business', 'business system': 'business', fagsystem: 'business',
  'e tjänst': 'e_service', etjänst: 'e_service', 'e service': 'e_service', eservice: 'e_service', 'e-tjänst': 'e_service',
  program: 'program', programvara: 'program', applikation: 'program', app: 'program', software: 'program', application: 'program', klient: 'program',
  integration: 'integration', integrationer: 'integration',
  infrastruktur: 'infrastructure', infrastructure: 'infrastructure', plattform: 'infrastructure', platform: 'infrastructure',
};
/** The export's own words win over the variants above. */
const KIND_WORDS: Record<string, SystemKind> = { ...KIND_WORDS_OWN, ...exported('kind') };
export const kindOf = memo((text: string): Parsed<SystemKind> => lookup(KIND_WORDS, text, 'systemImport.value.kind'));

const HOSTING_WORDS_OWN: Record<string, Hosting> = {
  intern: 'internal_it', internt: 'internal_it', 'it enheten': 'internal_it', itenheten: 'internal_it', 'it avdelningen': 'internal_it',
  lokalt: 'internal_it', lokal: 'internal_it', 'egen drift': 'internal_it', 'egen server': 'internal_it', 'on prem': 'internal_it',
  'on premise': 'internal_it', 'on premises': 'internal_it', onprem: 'internal_it', internal: 'internal_it', 'in house': 'internal_it', 'internal it': 'internal_it',
  'kommunens datacenter': 'internal_it', 'egen hall': 'internal_it', 'egen serverhall': 'internal_it',
  'intern leverantör': 'internal_supplier', 'leverantör internt': 'internal_supplier', 'leverantör i kommunens nät': 'internal_supplier',
  'internal supplier': 'internal_supplier', 'leverantörsdrift internt': 'internal_supplier',
  leverantör: 'supplier_hosted', 'hos leverantör': 'supplier_hosted', 'hos leverantören': 'supplier_hosted', extern: 'supplier_hosted',
  externt: 'supplier_hosted', 'extern drift': 'supplier_hosted', leverantörsdrift: 'supplier_hosted', 'leverantörens datacenter': 'supplier_hosted',
  supplier: 'supplier_hosted', 'supplier hosted': 'supplier_hosted', hosted: 'supplier_hosted', outsourced: 'supplier_hosted', external: 'supplier_hosted',
  saas: 'saas', molntjänst: 'saas', moln: 'saas', molnet: 'saas', cloud: 'saas', 'cloud service': 'saas', webbtjänst: 'saas',
  azure: 'cloud_tenant', m365: 'cloud_tenant', 'm365 tenant': 'cloud_tenant', 'microsoft 365': 'cloud_tenant', 'office 365': 'cloud_tenant',
  o365: 'cloud_tenant', tenant: 'cloud_tenant', 'egen tenant': 'cloud_tenant', 'kommunens tenant': 'cloud_tenant', 'azure tenant': 'cloud_tenant',
  aws: 'cloud_tenant', iaas: 'cloud_tenant', paas: 'cloud_tenant', 'cloud tenant': 'cloud_tenant',
  myndighet: 'public_body', 'annan myndighet': 'public_body', statlig: 'public_body', 'statlig myndighet': 'public_body', inera: 'public_body',
  'public body': 'public_body', 'government agency': 'public_body', 'annan offentlig aktör': 'public_body',
};
/** The export's own words win over the variants above. */
const HOSTING_WORDS: Record<string, Hosting> = { ...HOSTING_WORDS_OWN, ...exported('hosting') };
/** Keyword rules for what the table does not list, tried in order ("Leverantör (SaaS)" is SaaS). */
const HOSTING_HINTS: Array<[RegExp, Hosting]> = [
  [/azure|m365|365|tenant|aws|iaas|paas/, 'cloud_tenant'],
  [/saas|moln|cloud/, 'saas'],
  [/myndighet|inera|statlig|public body/, 'public_body'],
  [/leverantör|extern|supplier|vendor|hosted/, 'supplier_hosted'],
  [/intern|it enhet|it avdelning|lokal|egen|on prem/, 'internal_it'],
];
export const hostingOf = memo(function hostingOf(text: string): Parsed<Hosting> {
  const w = words(text);
  const hit = HOSTING_WORDS[w] ?? HOSTING_HINTS.find(([re]) => re.test(w))?.[1];
  return hit ? { value: hit } : { error: 'systemImport.value.hosting', params: { value: text } };
});

const LOCATION_WORDS_OWN: Record<string, DataLocation> = {
  sverige: 'sweden', sweden: 'sweden', se: 'sweden', 'i sverige': 'sweden',
  eu: 'eu_eea', ees: 'eu_eea', 'eu ees': 'eu_eea', eea: 'eu_eea', 'eu eea': 'eu_eea', europa: 'eu_eea', europe: 'eu_eea', 'inom eu': 'eu_eea', 'inom eu ees': 'eu_eea',
  'tredje land': 'third_country', tredjeland: 'third_country', 'utanför eu': 'third_country', usa: 'third_country', us: 'third_country',
  'third country': 'third_country', 'outside eu': 'third_country',
};
/** The export's own words win over the variants above. */
const LOCATION_WORDS: Record<string, DataLocation> = { ...LOCATION_WORDS_OWN, ...exported('dataLocation') };
export const dataLocationOf = memo((text: string): Parsed<DataLocation> => lookup(LOCATION_WORDS, text, 'systemImport.value.data_location'));

const AUTH_WORDS_OWN: Record<string, AuthMethod> = {
  sso: 'sso', 'single sign on': 'sso', adfs: 'sso', saml: 'sso', entra: 'sso', 'entra id': 'sso', 'azure ad': 'sso', oidc: 'sso',
  ad: 'directory', katalog: 'directory', katalogtjänst: 'directory', 'active directory': 'directory', ldap: 'directory', directory: 'directory',
  'lokala konton': 'local_accounts', 'egna konton': 'local_accounts', lokalt: 'local_accounts', 'local accounts': 'local_accounts',
  'användarnamn och lösenord': 'local_accounts', 'username and password': 'local_accounts',
  'e legitimation': 'eid', eid: 'eid', bankid: 'eid', siths: 'eid', freja: 'eid', 'freja eid': 'eid', 'mobilt bankid': 'eid', 'e legitimering': 'eid',
  ingen: 'none', none: 'none', 'ingen inloggning': 'none',
  annat: 'other', annan: 'other', other: 'other', övrigt: 'other',
};
/** The export's own words win over the variants above. */
const AUTH_WORDS: Record<string, AuthMethod> = { ...AUTH_WORDS_OWN, ...exported('authMethod') };
export const authMethodOf = memo((text: string): Parsed<AuthMethod> => lookup(AUTH_WORDS, text, 'systemImport.value.auth_method'));

/** An http(s) address. */
export function linkOf(text: string): Parsed<{ label: string; url: string }> {
  try {
    const url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
    if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.') || /\s/.test(text)) throw new Error('not a link');
    return { value: { label: url.hostname, url: url.toString() } };
  } catch {
    return { error: 'systemImport.value.link', params: { value: text } };
  }
}

/** Cells that say a role has no holder. */
const VACANT = new Set(['vakant', 'vakans', 'vacant', 'saknas', 'ingen', 'none', 'ej utsedd', 'inte utsedd', 'ej tillsatt', 'n a', 'na', 'tbd', 'okänd', 'unknown']);
export const isVacant = memo((text: string): boolean => VACANT.has(words(text)) || /^[-–—?]+$/.test(text.trim()));

/** Units (or aliases) listed in one cell: separated by ; , or line breaks. */
export const listOf = (text: string): string[] =>
  text
    .split(/[;,\n\r]+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** People named in one cell: separated by ; / & "och" "and" or line breaks (a comma may be "Efternamn, Förnamn"). */
export const peopleListOf = (text: string): string[] =>
  text
    .split(/[;\n\r/&]+|\s+(?:och|and)\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
