import { describe, expect, it } from 'vitest';
import { computeOrganisationResponsibilities, evaluateOrganisation, evaluateSystem } from './engine.ts';
import type { Finding, OrganisationFacts, SystemFact } from './facts.ts';
import { getDefaultPack } from './loader.ts';
import { SYSTEMS, fixture } from './testing/fixture.ts';

const pack = getDefaultPack();

/** A finding as the table states it: key, severity, subject id and the parameters that tell it apart. */
const brief = (f: Finding) => ({ key: f.key, severity: f.severity, subject: f.subject.id, ...pick(f.params) });
const pick = (p: Finding['params']) =>
  Object.fromEntries(Object.entries(p).filter(([k]) => ['kind', 'function', 'role', 'fact', 'area', 'status'].includes(k)));

const unit = (f: OrganisationFacts, id: string) => f.units.find((u) => u.id === id)!;
const person = (f: OrganisationFacts, id: string) => f.people.find((p) => p.id === id)!;
const without = (f: OrganisationFacts, roleKey: string, subjectId: string) => {
  f.assignments = f.assignments.filter((a) => !(a.roleKey === roleKey && a.subjectId === subjectId));
};

interface Case {
  name: string;
  change: (f: OrganisationFacts) => void;
  system?: SystemFact;
  expected: Array<Record<string, unknown>>;
}

const CASES: Case[] = [
  {
    name: 'no unit is marked as the IT unit',
    change: (f) => void (unit(f, 'it').function = null),
    expected: [{ key: 'unit_missing', severity: 'high', subject: 'k', function: 'it_unit' }],
  },
  {
    name: 'no kansli (it advises on systems outside the network)',
    change: (f) => void (unit(f, 'kansli').function = null),
    expected: [{ key: 'unit_missing', severity: 'medium', subject: 'k', function: 'kansli' }],
  },
  {
    name: 'no kommunstyrelse: Kommunledningsförvaltningen hangs under the kommun itself',
    change: (f) => {
      f.units = f.units.filter((u) => u.id !== 'ks');
      unit(f, 'klf').parentId = 'k';
    },
    expected: [
      { key: 'forvaltning_without_namnd', severity: 'high', subject: 'klf' },
      { key: 'unit_missing', severity: 'high', subject: 'k', kind: 'kommunstyrelse' },
    ],
  },
  {
    name: 'a förvaltning with no nämnd above it',
    change: (f) => {
      f.units.push({ id: 'mf', name: 'Miljöförvaltningen', kind: 'forvaltning', function: null, parentId: 'k', status: 'active' });
      f.assignments.push({ roleKey: 'chef', subjectKind: 'unit', subjectId: 'mf', holderKind: 'person', holderId: 'p-c1' });
    },
    expected: [{ key: 'forvaltning_without_namnd', severity: 'high', subject: 'mf' }],
  },
  {
    name: 'the IT-chef role is vacant',
    change: (f) => without(f, 'it_chef', 'k'),
    expected: [{ key: 'role_vacant', severity: 'high', subject: 'k', role: 'it_chef' }],
  },
  {
    name: 'the IT-chef has left and nobody took over',
    change: (f) => void (person(f, 'p-itchef').status = 'left'),
    expected: [{ key: 'role_only_inactive_holders', severity: 'high', subject: 'k', role: 'it_chef' }],
  },
  {
    name: 'two IT-chefs (at most one)',
    change: (f) => f.assignments.push({ roleKey: 'it_chef', subjectKind: 'unit', subjectId: 'k', holderKind: 'person', holderId: 'p-drift' }),
    expected: [{ key: 'role_too_many_holders', severity: 'high', subject: 'k', role: 'it_chef' }],
  },
  {
    name: 'a disabled person still holds a role beside an active holder',
    change: (f) => {
      f.people.push({ id: 'p-old', name: 'Olle Gammal', status: 'disabled' });
      f.assignments.push({ roleKey: 'driftansvarig', subjectKind: 'unit', subjectId: 'k', holderKind: 'person', holderId: 'p-old' });
    },
    expected: [{ key: 'role_holder_inactive', severity: 'low', subject: 'k', role: 'driftansvarig', status: 'disabled' }],
  },
  {
    name: 'a unit without a chef',
    change: (f) => without(f, 'chef', 'aldre'),
    expected: [{ key: 'role_vacant', severity: 'medium', subject: 'aldre', role: 'chef' }],
  },
  {
    name: 'organisation-held roles are found when stored with subject kind organisation',
    change: (f) => {
      for (const a of f.assignments) if (a.subjectId === 'k') a.subjectKind = 'organisation';
    },
    expected: [],
  },
  {
    name: 'a shared IT unit in a kommunalförbund (IT-samverkan) serves the kommun',
    change: (f) => {
      unit(f, 'it').function = null;
      f.units.push(
        { id: 'kf', name: 'IT-förbundet', kind: 'kommunalforbund', function: null, parentId: null, status: 'active' },
        { id: 'kf-it', name: 'Gemensam IT', kind: 'enhet', function: 'it_unit', parentId: 'kf', status: 'active' },
      );
    },
    expected: [],
  },
  {
    name: 'system: no systemägare, and the systemförvaltare has left',
    system: SYSTEMS.B,
    change: (f) => {
      without(f, 'systemagare', 'sys-b');
      f.people.push({ id: 'p-sf-left', name: 'Lena Lämnat', status: 'left' });
      f.assignments = f.assignments.map((a) =>
        a.roleKey === 'systemforvaltare' && a.subjectId === 'sys-b' ? { ...a, holderKind: 'person', holderId: 'p-sf-left' } : a,
      );
    },
    expected: [
      { key: 'role_only_inactive_holders', severity: 'high', subject: 'sys-b', role: 'systemforvaltare' },
      { key: 'role_vacant', severity: 'high', subject: 'sys-b', role: 'systemagare' },
    ],
  },
  {
    name: 'system: not known whether it is inside the network',
    system: { ...SYSTEMS.B, insideNetwork: null },
    change: () => {},
    expected: [{ key: 'system_fact_missing', severity: 'medium', subject: 'sys-b', fact: 'system.insideNetwork' }],
  },
  {
    name: 'system: outside the network, so nobody is named for backup',
    system: SYSTEMS.C,
    change: () => {},
    expected: [{ key: 'area_without_responsible', severity: 'low', subject: 'sys-c', area: 'sakerhetskopiering_och_lagring' }],
  },
  {
    name: 'system: owned by a unit outside any förvaltning',
    system: { ...SYSTEMS.A, owningUnitId: 'sn' },
    change: () => {},
    expected: [{ key: 'owning_forvaltning_missing', severity: 'high', subject: 'sys-a' }],
  },
  {
    name: 'system: its owning unit is not in the organisation',
    system: { ...SYSTEMS.A, owningUnitId: 'gone' },
    change: () => {},
    expected: [{ key: 'owning_unit_missing', severity: 'high', subject: 'sys-a' }],
  },
  {
    name: 'system outside the network, owned by a förvaltning with no nämnd: which nämnd is responsible cannot be decided',
    system: { ...SYSTEMS.C, owningUnitId: 'mf' },
    change: (f) => {
      f.units.push({ id: 'mf', name: 'Miljöförvaltningen', kind: 'forvaltning', function: null, parentId: 'k', status: 'active' });
    },
    expected: [
      { key: 'forvaltning_without_namnd', severity: 'high', subject: 'mf' },
      { key: 'area_without_responsible', severity: 'low', subject: 'sys-c', area: 'sakerhetskopiering_och_lagring' },
    ],
  },
];

describe('findings where the facts cannot satisfy the policy', () => {
  it.each(CASES)('$name', ({ change, system, expected }) => {
    const facts = fixture();
    change(facts);
    const result = system ? evaluateSystem(pack, facts, system) : evaluateOrganisation(pack, facts, 'k');
    expect(result.findings.map(brief)).toEqual(expected);
  });

  it('lists the rules a finding blocks and says it in both languages', () => {
    const facts = fixture();
    unit(facts, 'it').function = null;
    const [f] = evaluateOrganisation(pack, facts, 'k').findings;
    expect(f!.ruleIds).toEqual(
      expect.arrayContaining(['sakerhetskopiering.it_enheten', 'tilltradesskydd.it_enheten', 'behorighetsbestallning.it_enheten']),
    );
    expect(f!.text.sv).toMatch(
      /^Exempelby kommun har ingen enhet markerad som IT-enheten\. Policyn pekar ut den för: .*Säkerhetskopiering och lagring/,
    );
    expect(f!.text.en).toMatch(/^Exempelby kommun has no unit marked as the IT unit\. The policy names it for: .*Backup and storage/);
    const backup = evaluateOrganisation(pack, facts, 'k').areas.find((a) => a.area === 'sakerhetskopiering_och_lagring')!;
    expect(backup.responsibilities[0]).toMatchObject({ resolution: 'unresolved', parties: [] });
  });

  it('evaluates every kommun of an installation on its own, and says when there is none', () => {
    const facts = fixture();
    facts.units.push(
      { id: 'k2', name: 'Grannby kommun', kind: 'kommun', function: null, parentId: null, status: 'active' },
      { id: 'k2-ks', name: 'Kommunstyrelsen i Grannby', kind: 'kommunstyrelse', function: null, parentId: 'k2', status: 'active' },
    );
    const all = computeOrganisationResponsibilities(pack, facts);
    expect(all.organisations.map((o) => o.kommun.name)).toEqual(['Exempelby kommun', 'Grannby kommun']);
    expect(all.organisations[0]!.findings).toEqual([]);
    expect(all.organisations[1]!.findings.map((f) => f.key)).toContain('unit_missing');
    expect(all.findings).toEqual([]);

    const none = computeOrganisationResponsibilities(pack, { units: [], people: [], assignments: [] });
    expect(none.organisations).toEqual([]);
    expect(none.findings.map((f) => [f.key, f.severity])).toEqual([['kommun_missing', 'high']]);
  });

  it('survives a cycle in the unit tree', () => {
    const facts = fixture();
    unit(facts, 'sn').parentId = 'sof';
    const result = evaluateSystem(pack, facts, SYSTEMS.C);
    expect(result.findings.map((f) => f.key)).toContain('owning_unit_missing');
  });
});
