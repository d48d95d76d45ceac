import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { evaluate } from './conditions.ts';
import { defaultPackText, describeProblem, formatProblems, getDefaultPack, loadPackObject, loadPackText } from './loader.ts';
import type { Condition, Pack } from './schema.ts';

/** A deep copy of the default pack to break. */
const pack = (): Pack => structuredClone(getDefaultPack());

/** The problems of a document, as people read them (English). */
function problems(doc: unknown): string[] {
  const result = loadPackObject(doc);
  if (result.ok) return [];
  return result.problems.map((p) => describeProblem(p, 'en')).map((d) => `${d.path}: ${d.message}`);
}

type Edit = (p: Pack & Record<string, unknown>) => void;
const rule = (p: Pack, i: number) => p.rules[i] as Pack['rules'][number] & Record<string, unknown>;

const CASES: Array<[string, Edit, string[]]> = [
  [
    'a misspelt fact',
    (p) => void (rule(p, 3).when = { fact: 'system.insidNetwork', equals: true }),
    ["rules[3].when.fact: unknown fact 'system.insidNetwork' (known: system.insideNetwork, system.kommungemensamt, system.samhallsviktig)"],
  ],
  [
    'a rule naming an unknown area',
    (p) => void (rule(p, 0).area = 'backup'),
    [expect.stringMatching(/^rules\[0\]\.area: unknown area 'backup' \(known: overgripande_ansvar, /) as unknown as string],
  ],
  [
    'a rule naming an unknown role',
    (p) => void (rule(p, 6).party = { select: 'role_holders', role: 'vaktmastare', on: ['subject'] }),
    [expect.stringMatching(/^rules\[6\]\.party\.role: unknown role 'vaktmastare'/) as unknown as string],
  ],
  [
    'a fact compared with the wrong type',
    (p) => void (rule(p, 0).when = { fact: 'system.insideNetwork', equals: 'ja' }),
    ['rules[0].when.equals: fact \'system.insideNetwork\' takes values of type boolean, not "ja"'],
  ],
  [
    'a condition with two forms',
    (p) => void (rule(p, 0).when = { fact: 'system.insideNetwork', equals: true, not: { fact: 'system.samhallsviktig', equals: true } }),
    ['rules[0].when: a condition must have exactly one of: fact, all, any, not'],
  ],
  [
    'a nested condition without a test',
    (p) => void (rule(p, 0).when = { all: [{ fact: 'system.insideNetwork', equals: true }, { any: [{ fact: 'system.samhallsviktig' }] }] }),
    ['rules[0].when.all[1].any[0]: a condition with fact must have exactly one of: equals, in'],
  ],
  [
    'equals outside a fact test',
    (p) => void (rule(p, 0).when = { not: { fact: 'system.insideNetwork', equals: true }, equals: true }),
    ["rules[0].when.equals: 'equals' belongs only in a condition with fact"],
  ],
  [
    'a unit selector with neither kind nor function',
    (p) => void (rule(p, 0).party = { select: 'unit' }),
    ["rules[0].party: the selector 'unit' needs kind | function"],
  ],
  [
    'a selector with a field it does not use',
    (p) => void (rule(p, 0).party = { select: 'employees', role: 'chef' }),
    ["rules[0].party.role: is not used with the selector 'employees'"],
  ],
  [
    'role holders without where',
    (p) => void (rule(p, 6).party = { select: 'role_holders', role: 'chef' }),
    ["rules[6].party.on: the selector 'role_holders' needs on"],
  ],
  [
    'a role looked up where it cannot be held',
    (p) => void (rule(p, 6).party = { select: 'role_holders', role: 'systemagare', on: ['kommun'] }),
    ["rules[6].party.on[0]: the role 'systemagare' cannot be held on 'kommun' (the role applies to: system)"],
  ],
  [
    'an unknown capacity',
    (p) => void ((rule(p, 0) as Record<string, unknown>).capacity = 'owns'),
    ['rules[0].capacity: must be one of: accountable, orders, executes, administers, controls, supports, advises'],
  ],
  ['an unknown field', (p) => void (rule(p, 0).colour = 'red'), ["rules[0].colour: unknown field 'colour'"]],
  ['a missing source', (p) => void delete (rule(p, 0) as Record<string, unknown>).source, ['rules[0].source: is missing']],
  [
    'a duplicate rule id',
    (p) => void (rule(p, 1).id = p.rules[0]!.id),
    ["rules[1].id: 'overgripande.kommunstyrelsen' is already used (at rules[0])"],
  ],
  [
    'a bad key',
    (p) => void (p.roles[0]!.key = 'IT-chef'),
    ["roles[0].key: wrong format: use lower-case letters a–z, digits and _ (e.g. 'systemforvaltare')"],
  ],
  [
    'maxHolders below minHolders',
    (p) => void Object.assign(p.roles[0]!, { minHolders: 2, maxHolders: 1 }),
    ['roles[0].maxHolders: must not be less than minHolders (2)'],
  ],
  [
    'required on a subject kind the role does not have',
    (p) => void (p.roles[0]!.requiredOn = ['system']),
    ["roles[0].requiredOn[0]: 'system' is not one of the role's subjectKinds (organisation)"],
  ],
  [
    'an area no rule names',
    (p) => void p.areas.push({ key: 'ny', kind: 'priority', title: { sv: 'Nytt' }, text: { sv: 'Text.' } }),
    ["areas[14].key: no rule applies to the area 'ny'"],
  ],
  ['an adoption date that is not a date', (p) => void (p.adoption = { date: '12 maj 2024' }), ['adoption.date: must be a date YYYY-MM-DD']],
  ['a wrong format marker', (p) => void ((p as Record<string, unknown>).format = 'v2'), ['format: must be one of: ansvar-policy-pack/1']],
  ['rules that are not a list', (p) => void ((p as Record<string, unknown>).rules = 'none'), ['rules: must be a list']],
];

describe('loading a pack', () => {
  it('the default pack validates, and is read once', () => {
    expect(getDefaultPack()).toBe(getDefaultPack());
    expect(loadPackText(defaultPackText())).toEqual({ ok: true, pack: getDefaultPack() });
  });

  it.each(CASES)('refuses %s, naming the path and the problem', (_name, edit, expected) => {
    const doc = pack() as Pack & Record<string, unknown>;
    edit(doc);
    expect(problems(doc)).toEqual(expected);
  });

  it('reads JSON text as well as YAML, and the same pack comes out', () => {
    const p = getDefaultPack();
    expect(loadPackText(JSON.stringify(p))).toEqual({ ok: true, pack: p });
    expect(loadPackText(stringify(p))).toEqual({ ok: true, pack: p });
  });

  it('gives YAML syntax errors with their line and column', () => {
    const result = loadPackText('id: x\nversion: "1\ntitle: {sv: x}\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeProblem(result.problems[0]!, 'sv').message).toMatch(/^syntaxfel på rad \d+, kolumn \d+: /);
    expect(loadPackText('a: 1\na: 2\n').ok).toBe(false); // duplicate keys
  });

  it('refuses what is not a pack at all, and nesting deep enough to hurt', () => {
    expect(problems([1, 2])).toEqual(['(document): the document must be a mapping with the fields of a pack']);
    expect(problems(null)).toEqual(['(document): the document must be a mapping with the fields of a pack']);
    let deep: Condition = { fact: 'system.insideNetwork', equals: true };
    for (let i = 0; i < 40; i++) deep = { not: deep };
    const doc = pack();
    doc.rules[0]!.when = deep;
    expect(problems(doc)[0]).toMatch(/^rules\[0\]\.when(\.not)+: is nested too deeply \(at most 32 levels\)$/);
  });

  it('formats problems one per line, in Swedish too', () => {
    const doc = pack();
    doc.rules[3]!.when = { fact: 'system.insidNetwork', equals: true };
    const result = loadPackObject(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatProblems(result.problems, 'sv')).toMatch(/^rules\[3\]\.when\.fact: okänt faktum 'system\.insidNetwork'/);
  });

  it('fills in defaults: levels, severity, settings and an empty adoption', () => {
    const doc = pack() as Record<string, unknown> & Pack;
    delete (doc as Record<string, unknown>).settings;
    delete (doc as Record<string, unknown>).adoption;
    delete (doc.rules[0] as Record<string, unknown>).at;
    delete (doc.rules[0] as Record<string, unknown>).severity;
    const result = loadPackObject(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.settings.confirmationCadenceMonths).toEqual({ default: 12, samhallsviktig: 6 });
    expect(result.pack.adoption).toEqual({});
    expect(result.pack.rules[0]).toMatchObject({ at: ['organisation', 'system'], severity: 'medium' });
  });
});

describe('conditions (three-valued: an unknown fact makes a test unknown)', () => {
  const inside: Condition = { fact: 'system.insideNetwork', equals: true };
  const central: Condition = { fact: 'system.kommungemensamt', in: [true] };
  const CASES: Array<[string, Condition, Record<string, boolean | null>, boolean | 'unknown']> = [
    ['equals, true', inside, { 'system.insideNetwork': true }, true],
    ['equals, false', inside, { 'system.insideNetwork': false }, false],
    ['equals, not known', inside, {}, 'unknown'],
    ['equals, registered as unknown', inside, { 'system.insideNetwork': null }, 'unknown'],
    ['in', central, { 'system.kommungemensamt': true }, true],
    ['all: one false decides', { all: [inside, central] }, { 'system.insideNetwork': false }, false],
    ['all: unknown when not decided', { all: [inside, central] }, { 'system.insideNetwork': true }, 'unknown'],
    ['all: true', { all: [inside, central] }, { 'system.insideNetwork': true, 'system.kommungemensamt': true }, true],
    ['any: one true decides', { any: [inside, central] }, { 'system.kommungemensamt': true }, true],
    ['any: unknown when not decided', { any: [inside, central] }, { 'system.kommungemensamt': false }, 'unknown'],
    ['any: false', { any: [inside, central] }, { 'system.insideNetwork': false, 'system.kommungemensamt': false }, false],
    ['not', { not: inside }, { 'system.insideNetwork': false }, true],
    ['not unknown', { not: inside }, {}, 'unknown'],
  ];
  it.each(CASES)('%s', (_name, c, facts, expected) => expect(evaluate(c, facts)).toBe(expected));
  it('no condition: the rule always applies', () => expect(evaluate(undefined, {})).toBe(true));
});
