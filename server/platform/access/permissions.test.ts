import { describe, expect, it } from 'vitest';
import { actionsOf, can, type Grant } from './permissions.ts';

const g = (role: Grant['role'], orgUnitId: string | null, includeSubunits = true): Grant => ({ role, orgUnitId, includeSubunits });
// kommun > socialnämnd > socialförvaltning > hemtjänst
const hemtjanst = { unitId: 'hemtjanst', ancestorIds: ['hemtjanst', 'socialforvaltning', 'socialnamnd', 'kommun'] };
const skola = { unitId: 'skola', ancestorIds: ['skola', 'utbildning', 'kommun'] };

describe('can()', () => {
  it.each([
    ['installation-wide administrator, anything anywhere', [g('administrator', null)], 'users:manage', undefined, true],
    ['installation-wide administrator in a unit', [g('administrator', null)], 'systems:write', hemtjanst, true],
    ['granskare reads everywhere', [g('reviewer', null)], 'audit:read', undefined, true],
    ['granskare never writes', [g('reviewer', null)], 'systems:write', hemtjanst, false],
    ['user may not read the audit trail', [g('user', null)], 'audit:read', undefined, false],
    ['unit grant covers the unit itself', [g('user', 'hemtjanst', false)], 'systems:write', hemtjanst, true],
    ['unit grant with sub-units covers a descendant', [g('user', 'socialforvaltning')], 'systems:write', hemtjanst, true],
    ['unit grant without sub-units does not cover a descendant', [g('user', 'socialforvaltning', false)], 'systems:write', hemtjanst, false],
    ['unit grant does not cover another förvaltning', [g('administrator', 'socialforvaltning')], 'systems:write', skola, false],
    ['unit grant does not act installation-wide', [g('administrator', 'socialforvaltning')], 'users:manage', undefined, false],
    ['the strongest of several grants wins', [g('reviewer', null), g('user', 'skola', false)], 'systems:write', skola, true],
    ['no grants, no access', [], 'org:read', hemtjanst, false],
  ] as const)('%s', (_name, grants, action, scope, expected) => {
    expect(can(grants, action, scope)).toBe(expected);
  });

  it('lists the actions a user holds somewhere', () => {
    expect(actionsOf([g('reviewer', null)])).toEqual(['audit:read', 'users:read', 'org:read', 'policy:read', 'systems:read']);
    expect(actionsOf([])).toEqual([]);
  });
});
