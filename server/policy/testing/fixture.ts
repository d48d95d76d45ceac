import type { OrganisationFacts, PersonFact, RoleAssignmentFact, SystemFact, UnitFact } from '../facts.ts';

/**
 * A small kommun shaped like the seed policy's organisation, for the engine's tests:
 * Exempelby kommun → Kommunstyrelsen → Kommunledningsförvaltningen (IT-enheten, Kansliet);
 * Socialnämnden → Socialförvaltningen → Äldreomsorgen. Every required role has an active holder.
 */
export function fixture(): OrganisationFacts {
  const u = (id: string, name: string, kind: string, parentId: string | null, fn: string | null = null): UnitFact => ({
    id,
    name,
    kind,
    function: fn,
    parentId,
    status: 'active',
  });
  const p = (id: string, name: string): PersonFact => ({ id, name, status: 'active' });
  const onUnit = (roleKey: string, subjectId: string, personId: string): RoleAssignmentFact => ({
    roleKey,
    subjectKind: 'unit',
    subjectId,
    holderKind: 'person',
    holderId: personId,
  });
  const onSystem = (roleKey: string, subjectId: string, personId: string): RoleAssignmentFact => ({
    roleKey,
    subjectKind: 'system',
    subjectId,
    holderKind: 'person',
    holderId: personId,
  });
  return {
    units: [
      u('k', 'Exempelby kommun', 'kommun', null),
      u('ks', 'Kommunstyrelsen', 'kommunstyrelse', 'k'),
      u('klf', 'Kommunledningsförvaltningen', 'forvaltning', 'ks'),
      u('it', 'IT-enheten', 'enhet', 'klf', 'it_unit'),
      u('kansli', 'Kansliet', 'enhet', 'klf', 'kansli'),
      u('sn', 'Socialnämnden', 'namnd', 'k'),
      u('sof', 'Socialförvaltningen', 'forvaltning', 'sn'),
      u('aldre', 'Äldreomsorgen', 'enhet', 'sof'),
    ],
    people: [
      p('p-itchef', 'Ingrid Itchef'),
      p('p-drift', 'Dan Drift'),
      p('p-drift2', 'Dora Drift'),
      p('p-digi', 'Disa Digi'),
      p('p-c1', 'Chef Ett'),
      p('p-c2', 'Chef Två'),
      p('p-c3', 'Chef Tre'),
      p('p-c4', 'Chef Fyra'),
      p('p-c5', 'Chef Fem'),
      p('p-sa', 'Sara Systemägare'),
      p('p-sf', 'Sven Systemförvaltare'),
    ],
    assignments: [
      onUnit('it_chef', 'k', 'p-itchef'),
      onUnit('driftansvarig', 'k', 'p-drift'),
      onUnit('digitaliseringsstrateg', 'k', 'p-digi'),
      onUnit('chef', 'klf', 'p-c1'),
      onUnit('chef', 'it', 'p-c2'),
      onUnit('chef', 'kansli', 'p-c3'),
      onUnit('chef', 'sof', 'p-c4'),
      onUnit('chef', 'aldre', 'p-c5'),
      ...['sys-a', 'sys-b', 'sys-c', 'sys-d'].flatMap((s) => [onSystem('systemagare', s, 'p-sa'), onSystem('systemforvaltare', s, 'p-sf')]),
      onSystem('driftansvarig', 'sys-a', 'p-drift2'),
    ],
  };
}

const system = (
  id: string,
  name: string,
  owningUnitId: string,
  insideNetwork: boolean | null,
  kommungemensamt: boolean | null,
): SystemFact => ({
  id,
  name,
  owningUnitId,
  insideNetwork,
  kommungemensamt,
  samhallsviktig: false,
});

/** The four kinds of system the seed policy tells apart: inside the network or not, kommungemensamt or not. */
export const SYSTEMS = {
  /** Inside, central: the finance system, owned by Kommunledningsförvaltningen, with its own driftansvarig. */
  A: system('sys-a', 'Ekonomisystemet', 'klf', true, true),
  /** Inside, not central: run by IT for Äldreomsorgen. */
  B: system('sys-b', 'Verksamhetssystem ÄO', 'aldre', true, false),
  /** Outside, not central: a SaaS service of Socialförvaltningen. */
  C: system('sys-c', 'Molntjänst IFO', 'sof', false, false),
  /** Outside, central: a cloud suite everyone uses, owned by Kommunledningsförvaltningen. */
  D: system('sys-d', 'Kontorssvit i molnet', 'klf', false, true),
} as const;
