/**
 * The information classifications the classifications group gives the systems group's register, as plain data
 * (no I/O): a K/R/T(/S) level per system as a kommun's register writes it, the file that re-imports the register with
 * that column, and the sample that is approved through the API. Deterministic, so two runs with the same sizes
 * classify the same systems the same way.
 *
 * Levels (scale ansvar-1-4 of the default pack, 0–4 per aspect) follow the register's own columns: konfidentialitet
 * from Personuppgifter (känsliga → 3, every 10th of those 4; ja → 2; nej → 0 or 1), riktighet and tillgänglighet from
 * Kritikalitet (hög → 3, medel → 2, låg → 1, empty → 2; samhällsviktig → 4), spårbarhet one below konfidentialitet
 * (at least 1). About 85 % of the systems that are not avvecklade have a K/R/T cell ("3/2/2/1", every 7th as
 * "K3 R2 T2 S1"); the rest have an empty cell (no classification at all). Avvecklade systems have none: the import
 * would not give them a draft.
 */
import type { PersonRow } from './org-data.ts';
import type { SystemRow } from './systems-data.ts';

/** The aspects of the API's `levels` (the bench talks to Ansvar through its API only). */
export const ASPECTS = ['confidentiality', 'integrity', 'availability', 'traceability'] as const;
export type Aspect = (typeof ASPECTS)[number];
export type Levels = Record<Aspect, number>;

/** A well-mixed 32-bit number for row i and a salt (murmur3's finaliser), so the aspects do not move in step. */
function mix(i: number, salt: number): number {
  let h = (Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 101, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const spread = (i: number, salt: number, m: number): number => mix(i, salt) % m;

/** Systems (not avvecklade) with a K/R/T cell, in percent. */
const KRT_PERCENT = 85;

const CRITICALITY_LEVEL: Record<string, number> = { Hög: 3, Medel: 2, Låg: 1, '': 2 };

/** The levels row i of the register is classified at, or null when its K/R/T cell is empty. */
export function levelsOf(row: SystemRow, i: number): Levels | null {
  if (row.lifecycle === 'Avvecklad' || spread(i, 1, 100) >= KRT_PERCENT) return null;
  const k = row.personalData === 'Ja, känsliga' ? (spread(i, 2, 10) === 0 ? 4 : 3) : row.personalData === 'Ja' ? 2 : spread(i, 3, 2);
  const critical = CRITICALITY_LEVEL[row.criticality] ?? 2;
  const vital = row.samhallsviktig === 'Ja';
  const r = vital ? 4 : Math.min(4, critical + (spread(i, 4, 4) === 0 ? 1 : 0));
  const t = vital ? 4 : Math.max(0, critical - (spread(i, 5, 5) === 0 ? 1 : 0));
  return { confidentiality: k, integrity: r, availability: t, traceability: Math.max(1, k - 1) };
}

/** The K/R/T/S cell as registers write it: "3/2/2/1", every 7th "K3 R2 T2 S1". */
export const krtCell = (l: Levels, i: number): string =>
  i % 7 === 3
    ? `K${l.confidentiality} R${l.integrity} T${l.availability} S${l.traceability}`
    : `${l.confidentiality}/${l.integrity}/${l.availability}/${l.traceability}`;

/** Quotes a CSV cell when it needs it (the separator is ;). */
const cell = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The register again with only its name, förvaltning and a K/R/T/S column (semicolon CSV, UTF-8 with BOM): the
 * import matches each row to its system by name and changes nothing but the classification.
 */
export function toKrtCsv(rows: ReadonlyArray<{ row: SystemRow; i: number }>): string {
  const lines = rows.map(({ row, i }) => {
    const l = levelsOf(row, i);
    return [row.name, row.unit, l ? krtCell(l, i) : ''].map(cell).join(';');
  });
  return `\uFEFF${['Systemnamn', 'Förvaltning', 'K/R/T/S'].join(';')}\r\n${lines.join('\r\n')}\r\n`;
}

/** The e-mail of a role cell ("a@b" or "Namn <a@b>"), or null for "Vakant" and an empty cell. */
export function emailOf(roleCell: string): string | null {
  const m = /<([^>]+)>/.exec(roleCell);
  const email = (m ? m[1]! : roleCell).trim();
  return email.includes('@') ? email : null;
}

export interface SampleSystem {
  name: string;
  levels: Levels;
  /** The systemägare who approves it (a person of the HR import: a förvaltnings- or avdelningschef). */
  owner: PersonRow;
  /** A requirement of at least the pack's finding level is marked not met on it. */
  requirementNotMet: boolean;
}

/** The highest level of the classification. */
export const topLevel = (l: Levels): number => Math.max(...ASPECTS.map((a) => l[a]));

/**
 * The systems approved through the API: `size` systems i drift with a K/R/T draft, taken owner by owner (the
 * systemägare with the most such systems first), so a few accounts approve them all. Every other one whose levels
 * reach `requirementLevel` somewhere also gets a requirement marked not met.
 */
export function planSample(rows: SystemRow[], people: PersonRow[], size: number, requirementLevel: number): SampleSystem[] {
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const byOwner = new Map<string, Array<{ name: string; levels: Levels }>>();
  rows.forEach((row, i) => {
    const levels = levelsOf(row, i);
    const email = emailOf(row.owner)?.toLowerCase();
    if (!levels || row.lifecycle !== 'I drift' || !email || !byEmail.has(email)) return;
    const list = byOwner.get(email) ?? [];
    list.push({ name: row.name, levels });
    byOwner.set(email, list);
  });
  const owners = [...byOwner].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const out: SampleSystem[] = [];
  let reaching = 0;
  for (const [email, systems] of owners) {
    for (const s of systems) {
      if (out.length >= size) return out;
      const reaches = topLevel(s.levels) >= requirementLevel;
      out.push({ ...s, owner: byEmail.get(email)!, requirementNotMet: reaches && reaching++ % 2 === 0 });
    }
  }
  return out;
}
