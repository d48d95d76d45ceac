import { describe, expect, it } from 'vitest';
import { actorFor } from './actors.ts';
import { evaluateOrganisation, evaluateSystem } from './engine.ts';
import type { Finding, OrganisationFacts, Party, RoleAssignmentFact, SupplierFact } from './facts.ts';
import { getDefaultPack } from './loader.ts';
import { OrgIndex } from './org-index.ts';
import { SYSTEMS, fixture } from './testing/fixture.ts';

/** Roles held by an org unit or a supplier (issue 11, part 2): held like a person's, with their own findings. */

const pack = getDefaultPack();

const cgi = (over: Partial<SupplierFact> = {}): SupplierFact => ({
  id: 'sup-cgi',
  name: 'CGI',
  contacts: [{ id: 'c-anna', name: 'Anna Avtal' }],
  systemsWithAgreement: ['sys-a'],
  agreementInForce: true,
  ...over,
});

/** The fixture with the kommun's driftansvarig (a person) replaced by `holder`. */
function withDrift(holder: Pick<RoleAssignmentFact, 'holderKind' | 'holderId' | 'contactId'>, subject: { kind: 'unit' | 'system'; id: string } = { kind: 'unit', id: 'k' }): OrganisationFacts {
  const f = fixture();
  f.assignments = f.assignments.filter((a) => a.roleKey !== 'driftansvarig');
  f.assignments.push({ roleKey: 'driftansvarig', subjectKind: subject.kind, subjectId: subject.id, ...holder });
  f.suppliers = [cgi()];
  return f;
}

const keys = (findings: Finding[]) => findings.map((f) => [f.key, f.subject.id, f.params.role]);
const driftParties = (areas: ReturnType<typeof evaluateOrganisation>['areas']): Party[] =>
  areas.flatMap((a) => a.responsibilities).find((r) => r.ruleId === 'drift.driftansvarig')!.parties;

describe('roles held by an org unit or a supplier', () => {
  it('the IT unit as the kommun-wide driftansvarig: held, named as the unit, no vacancy', () => {
    const result = evaluateOrganisation(pack, withDrift({ holderKind: 'unit', holderId: 'it' }), 'k');
    expect(result.findings).toEqual([]);
    expect(driftParties(result.areas)).toEqual([
      { type: 'holder', holderKind: 'unit', id: 'it', name: 'IT-enheten', roleKey: 'driftansvarig', subjectId: 'k', contact: null },
    ]);
  });

  it('a supplier with an agreement in force as driftansvarig of a system: held, named with its contact', () => {
    const facts = withDrift({ holderKind: 'supplier', holderId: 'sup-cgi', contactId: 'c-anna' }, { kind: 'system', id: 'sys-a' });
    // The kommun keeps its own driftansvarig; the system's is the supplier.
    facts.assignments.push({ roleKey: 'driftansvarig', subjectKind: 'unit', subjectId: 'k', holderKind: 'person', holderId: 'p-drift' });
    const result = evaluateSystem(pack, facts, SYSTEMS.A);
    expect(result.findings).toEqual([]);
    expect(driftParties(result.areas)).toEqual([
      {
        type: 'holder',
        holderKind: 'supplier',
        id: 'sup-cgi',
        name: 'CGI',
        roleKey: 'driftansvarig',
        subjectId: 'sys-a',
        contact: { id: 'c-anna', name: 'Anna Avtal' },
      },
    ]);
  });

  it('a supplier without an agreement in force on the system: still held, and a finding says the agreement is missing', () => {
    const facts = withDrift({ holderKind: 'supplier', holderId: 'sup-cgi' }, { kind: 'system', id: 'sys-b' });
    facts.assignments.push({ roleKey: 'driftansvarig', subjectKind: 'unit', subjectId: 'k', holderKind: 'person', holderId: 'p-drift' });
    const result = evaluateSystem(pack, facts, SYSTEMS.B);
    expect(keys(result.findings)).toEqual([['role_holder_agreement_missing', 'sys-b', 'driftansvarig']]);
    const [f] = result.findings;
    expect(f!.severity).toBe('medium');
    expect(f!.text.sv).toBe(
      'Rollen Driftansvarig – IT-driftsledare för Verksamhetssystem ÄO innehas av leverantören CGI, men inget gällande avtal med leverantören är registrerat för systemet.',
    );
    expect(f!.text.en).toMatch(/held by the supplier CGI, but no agreement in force with the supplier is registered for the system\.$/);
    expect(driftParties(result.areas)).toMatchObject([{ type: 'holder', holderKind: 'supplier', id: 'sup-cgi' }]);
  });

  it('a supplier holding a kommun-wide role needs some agreement in force', () => {
    const held = withDrift({ holderKind: 'supplier', holderId: 'sup-cgi' });
    expect(evaluateOrganisation(pack, held, 'k').findings).toEqual([]);
    // Facts are never changed once indexed: a new set for the other case.
    const none = { ...held, suppliers: [cgi({ agreementInForce: false, systemsWithAgreement: [] })] };
    expect(keys(evaluateOrganisation(pack, none, 'k').findings)).toEqual([['role_holder_agreement_missing', 'k', 'driftansvarig']]);
  });

  it('a deactivated unit holds nothing: the role is vacant, and a finding names the unit', () => {
    const facts = withDrift({ holderKind: 'unit', holderId: 'it' });
    facts.units.find((u) => u.id === 'it')!.status = 'inactive';
    // The IT unit is gone, so the rules that name it find none: only the role's findings matter here.
    const found = evaluateOrganisation(pack, facts, 'k').findings.filter((f) => f.params.role === 'driftansvarig');
    expect(found.map((f) => [f.key, f.severity, f.subject.id])).toEqual([
      ['role_vacant', 'high', 'k'],
      ['role_holder_unit_inactive', 'medium', 'k'],
    ]);
    expect(found[1]!.text.sv).toBe(
      'IT-enheten är inaktiverad i organisationen men innehar fortfarande rollen Driftansvarig – IT-driftsledare för Exempelby kommun. Ge rollen till en aktiv enhet eller person.',
    );
  });

  it('a deactivated unit beside an active person: no vacancy, only the unit finding', () => {
    const facts = withDrift({ holderKind: 'unit', holderId: 'kansli' });
    facts.assignments.push({ roleKey: 'driftansvarig', subjectKind: 'unit', subjectId: 'k', holderKind: 'person', holderId: 'p-drift' });
    facts.units.find((u) => u.id === 'kansli')!.status = 'inactive';
    const found = evaluateOrganisation(pack, facts, 'k').findings.filter((f) => f.params.role === 'driftansvarig');
    expect(found.map((f) => f.key)).toEqual(['role_holder_unit_inactive']);
  });

  it('a role with at most one holder counts a unit and a person as two', () => {
    const facts = fixture();
    facts.assignments.push({ roleKey: 'it_chef', subjectKind: 'unit', subjectId: 'k', holderKind: 'unit', holderId: 'it' });
    expect(keys(evaluateOrganisation(pack, facts, 'k').findings)).toEqual([['role_too_many_holders', 'k', 'it_chef']]);
  });

  it('only a person is asked to act: a system whose systemägare is a unit goes to the chef above', () => {
    const facts = fixture();
    facts.assignments = facts.assignments.map((a) =>
      a.subjectId === 'sys-b' && (a.roleKey === 'systemagare' || a.roleKey === 'systemforvaltare') ? { ...a, holderKind: 'unit', holderId: 'it' } : a,
    );
    const actor = actorFor(pack, OrgIndex.of(facts), { kind: 'system', id: 'sys-b', name: 'Verksamhetssystem ÄO' }, 'aldre');
    expect(actor?.id).toBe('p-c5');
  });
});
