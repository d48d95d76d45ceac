import { describe, expect, it } from 'vitest';
import type { System } from '../../api/systems.ts';
import { changedFields, EMPTY_SYSTEM, errorKeyOf, factsOf, inputOf, sentLinks, validateSystem, valuesOf } from './systemForm.ts';

const system = {
  id: 's1',
  registerNo: 'SYS-0001',
  name: 'Lönesystem',
  aliases: ['Lön', 'Payroll'],
  kind: 'business',
  description: null,
  purpose: 'Löner',
  owningUnit: { id: 'u1', name: 'Ekonomi' },
  usingUnits: [
    { id: 'u2', name: 'HR' },
    { id: 'u3', name: 'IT' },
  ],
  kommungemensamt: true,
  lifecycle: 'in_operation',
  criticality: 'high',
  samhallsviktig: false,
  hosting: 'saas',
  insideNetwork: false,
  dataLocation: null,
  thirdCountryTransfer: null,
  thirdCountryBasis: null,
  personalData: 'sensitive',
  authMethod: 'sso',
  userCount: 120,
  links: [{ label: 'Manual', url: 'https://example.org/manual' }],
  note: null,
} as unknown as System;

describe('the system form', () => {
  it('maps a system to the form and back to the same facts', () => {
    const facts = factsOf(valuesOf(system));
    expect(facts).toEqual({
      name: 'Lönesystem',
      aliases: ['Lön', 'Payroll'],
      kind: 'business',
      description: null,
      purpose: 'Löner',
      owningUnitId: 'u1',
      usingUnitIds: ['u2', 'u3'],
      kommungemensamt: true,
      criticality: 'high',
      samhallsviktig: false,
      hosting: 'saas',
      dataLocation: null,
      thirdCountryTransfer: null,
      thirdCountryBasis: null,
      personalData: 'sensitive',
      authMethod: 'sso',
      userCount: 120,
      links: [{ label: 'Manual', url: 'https://example.org/manual' }],
      note: null,
    });
  });

  it('trims text, splits aliases by line and sends empty selects as null', () => {
    const facts = factsOf({ ...EMPTY_SYSTEM, name: '  Ärende ', aliases: ' a \n\n b ', description: '   ', userCount: ' 7 ' });
    expect(facts).toMatchObject({
      name: 'Ärende',
      aliases: ['a', 'b'],
      description: null,
      criticality: null,
      samhallsviktig: null,
      userCount: 7,
    });
    expect(inputOf({ ...EMPTY_SYSTEM, lifecycle: 'implementing' }).lifecycle).toBe('implementing');
  });

  it('sends link rows with anything in them and remembers their rows', () => {
    const values = {
      ...EMPTY_SYSTEM,
      links: [
        { label: '', url: ' ' },
        { label: ' Docs ', url: '' },
        { label: 'Wiki', url: 'https://w.example ' },
      ],
    };
    expect(sentLinks(values)).toEqual({
      links: [
        { label: 'Docs', url: '' },
        { label: 'Wiki', url: 'https://w.example' },
      ],
      rows: [1, 2],
    });
  });

  it('names the facts that changed; the order of using units does not count', () => {
    const a = factsOf(valuesOf(system));
    expect(changedFields(a, { ...a, usingUnitIds: ['u3', 'u2'] })).toEqual([]);
    expect(changedFields(a, { ...a, name: 'Nytt', links: [] })).toEqual(['name', 'links']);
  });

  it('checks what needs no server', () => {
    const t = (key: string) => key;
    expect(validateSystem(EMPTY_SYSTEM, t)).toEqual({
      name: 'systems.validation.nameRequired',
      kind: 'systems.validation.kindRequired',
      owningUnitId: 'systems.validation.unitRequired',
    });
    expect(validateSystem({ ...valuesOf(system), userCount: '12a' }, t)).toEqual({ userCount: 'systems.validation.userCount' });
  });

  it("places the server's field errors on the form, link errors on their row", () => {
    expect(errorKeyOf('body/name', [])).toBe('name');
    expect(errorKeyOf('aliases.2', [])).toBe('aliases');
    expect(errorKeyOf('links.1.url', [0, 3])).toBe('links.3.url');
    expect(errorKeyOf('links.0', [2])).toBe('links.2.url');
    expect(errorKeyOf('version', [])).toBeNull();
  });
});
