import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDefaultPack } from './loader.ts';

/**
 * The default pack is the seed policy, complete. seed-policy.txt is the policy text as adopted
 * (a copy of the specification); these tests hold the pack to it, sentence by sentence.
 */
const seed = readFileSync(join(import.meta.dirname, 'seed-policy.txt'), 'utf8');
const pack = getDefaultPack();
/** The whole policy as one line, without the bullets ("o ") of the priority areas. */
const seedText = () =>
  norm(
    seed
      .split('\n')
      .map((line) => line.trim().replace(/^o /, ''))
      .join('\n'),
  );

/** Whitespace collapsed, words broken at a line end joined again ("IT-\n\nsystemet" → "IT-systemet"). */
const norm = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/(\p{L})- (?!och |eller )(\p{Ll})/gu, '$1-$2')
    .trim();

/** Headings in the two sections: they name things, they are not sentences. */
const HEADINGS = new Set(
  [
    'Organisation, roller och ansvar',
    'Övergripande ansvar',
    'Roller och ansvar',
    'IT-infrastukturägare – IT-chef',
    'Driftansvarig – IT-driftsledare',
    'Systemägare – förvaltningens ansvar',
    'Systemförvaltare – förvaltningens ansvar',
    'Särskilt prioriterade säkerhetsområden och',
    'ansvar',
    ...pack.areas.map((a) => a.title.sv),
  ].map(norm),
);

function section(from: string, to: string | null): string {
  const start = seed.indexOf(from);
  const end = to ? seed.indexOf(to, start + from.length) : seed.length;
  expect(start).toBeGreaterThanOrEqual(0);
  return seed.slice(start, end);
}

function sentences(text: string): string[] {
  const body = text
    .split('\n')
    .map((line) => line.trim().replace(/^o /, ''))
    .filter((line) => line && !HEADINGS.has(norm(line)))
    .join('\n');
  return norm(body)
    .split(/(?<=\.)\s+(?=\p{Lu})/u)
    .filter(Boolean);
}

const ORGANISATION = sentences(section('Organisation, roller och ansvar', 'Särskilt prioriterade'));
const PRIORITY = sentences(section('Särskilt prioriterade', null));

/** Where a sentence may be expressed: a rule's source, a role description, or the list of what is not a rule. */
const quotes = {
  rule: pack.rules.map((r) => norm(r.source)),
  role: pack.roles.map((r) => norm(r.description.sv)),
  unexpressed: pack.unexpressed.map((u) => norm(u.source)),
};
const placesOf = (s: string) =>
  Object.entries(quotes)
    .filter(([, list]) => list.some((q) => q.includes(s)))
    .map(([k]) => k);

describe('the default pack covers the seed policy', () => {
  it('reads the two sections sentence by sentence', () => {
    expect(ORGANISATION.length).toBe(18);
    expect(PRIORITY.length).toBe(17);
    expect(ORGANISATION[0]).toBe('Det övergripande ansvaret för säkerheten i organisationens IT-verksamhet vilar på kommunstyrelsen.');
  });

  it.each([...ORGANISATION, ...PRIORITY])('"%s" is a rule, a role description or listed as not a rule', (sentence) => {
    expect(placesOf(sentence)).not.toEqual([]);
  });

  it('every sentence of the priority areas is a rule', () => {
    expect(PRIORITY.filter((s) => !placesOf(s).includes('rule'))).toEqual([]);
  });

  it('every rule quotes the seed exactly', () => {
    const text = seedText();
    expect(pack.rules.filter((r) => !text.includes(norm(r.source))).map((r) => r.id)).toEqual([]);
    expect(pack.unexpressed.filter((u) => !text.includes(norm(u.source))).map((u) => u.source)).toEqual([]);
  });

  it('the area texts are the seed text of each area, and the ten goals are the seed goals', () => {
    const text = seedText();
    for (const area of pack.areas) expect([area.key, text.includes(norm(area.text.sv))]).toEqual([area.key, true]);
    expect(pack.areas.filter((a) => a.kind === 'priority')).toHaveLength(12);
    expect(pack.areas.filter((a) => a.kind === 'general').map((a) => a.key)).toEqual(['overgripande_ansvar', 'systemforteckning']);
    const goals = section('Mål för IT-säkerhetsarbete', 'Organisation, roller och ansvar').split('•').slice(1).map(norm);
    expect(pack.goals.map((g) => norm(g.text.sv))).toEqual(goals);
    expect(pack.goals.every((g) => g.text.en)).toBe(true);
  });

  it('every text has an English translation, and the roles not in the seed are marked so', () => {
    const missing = [
      ...pack.roles.flatMap((r) => [r.name, r.description]),
      ...pack.areas.flatMap((a) => [a.title, a.text]),
      ...pack.rules.map((r) => r.explanation),
    ].filter((t) => !t.en);
    expect(missing).toEqual([]);
    expect(pack.roles.filter((r) => !r.fromSeed).map((r) => r.key)).toEqual([
      'informationsagare',
      'teknisk_forvaltare',
      'behorighetsadministrator',
    ]);
  });

  it('leaves adoption empty: the policy text does not say who adopted it or when', () => {
    expect(pack.adoption).toEqual({});
  });
});
