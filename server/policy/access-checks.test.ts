import { describe, expect, it } from 'vitest';
import { ACCESS_DEFAULTS, accessSchema, approvalRequired } from './access.ts';
import { checkAccess, reviewDueOn, type SystemAccessFact } from './access-checks.ts';

const spec = accessSchema.parse({});

const fact = (over: Partial<SystemAccessFact> = {}): SystemAccessFact => ({
  system: { id: 's1', name: 'Procapita', samhallsviktig: false },
  lifecycle: 'in_operation',
  currentGrants: 10,
  anyPrivileged: false,
  oldestGrantOn: '2025-01-10',
  lastReviewedOn: null,
  leftPeople: [],
  unmatchedAccounts: 0,
  privilegedWithoutOrder: 0,
  waitingOrders: [],
  ...over,
});

const keys = (f: SystemAccessFact, today: string) => checkAccess(spec, f, today).map((x) => x.key);

describe('the pack section access', () => {
  it('has the documented defaults when absent', () => {
    expect(spec.orderers).toEqual(ACCESS_DEFAULTS.orderers);
    expect(spec.reviewCadenceMonths).toEqual({ default: 12, privileged: 6 });
    expect(spec.approvalFor).toEqual({ privileged: true, confidentialityAtLeast: 3 });
  });

  it('asks for approval for privileged roles and confidential systems only', () => {
    expect(approvalRequired(spec, true, null)).toBe(true);
    expect(approvalRequired(spec, false, 3)).toBe(true);
    expect(approvalRequired(spec, false, 2)).toBe(false);
    expect(approvalRequired(spec, false, null)).toBe(false);
    expect(approvalRequired({ approvalFor: { privileged: false, confidentialityAtLeast: null } }, true, 4)).toBe(false);
  });
});

describe('access checks', () => {
  it('counts a never reviewed system from its oldest grant, 12 months, or 6 with a privileged grant', () => {
    expect(reviewDueOn(spec, fact())).toBe('2026-01-10');
    expect(reviewDueOn(spec, fact({ anyPrivileged: true }))).toBe('2025-07-10');
    expect(reviewDueOn(spec, fact({ lastReviewedOn: '2026-03-01' }))).toBe('2027-03-01');
    expect(reviewDueOn(spec, fact({ currentGrants: 0 }))).toBeNull();
    expect(keys(fact(), '2026-01-10')).toEqual([]);
    const [overdue] = checkAccess(spec, fact(), '2026-01-11');
    expect(overdue).toMatchObject({ key: 'access_review_overdue', severity: 'medium', since: '2026-01-10' });
    expect(overdue!.text.sv).toBe('Behörigheterna i systemet Procapita skulle ha kontrollerats senast 2026-01-10.');
  });

  it('names each person who left, and counts unmatched accounts and privileged grants without order per system', () => {
    const found = checkAccess(
      spec,
      fact({
        lastReviewedOn: '2026-03-01',
        leftPeople: [{ personId: 'p1', name: 'Anna Ek', grants: 1, leftOn: '2026-02-01' }],
        unmatchedAccounts: 3,
        privilegedWithoutOrder: 2,
      }),
      '2026-04-01',
    );
    expect(found.map((f) => [f.key, f.detailId])).toEqual([
      ['grant_of_left_person', 'p1'],
      ['account_unmatched', null],
      ['privileged_grant_without_order', null],
    ]);
    expect(found[0]!.text.en).toBe('Anna Ek has left but still has 1 access role in the system Procapita.');
    expect(found[1]!.text.sv).toBe('3 personliga konton i systemet Procapita hör inte till någon känd person.');
  });

  it('finds an order only once it has waited past the pack’s limit: 5 days for a grant, 2 for a removal', () => {
    const waitingOrders = [
      { id: 'o1', kind: 'grant' as const, waitingSince: '2026-04-01', personName: 'Bo Ek', roleName: 'Handläggare' },
      { id: 'o2', kind: 'removal' as const, waitingSince: '2026-04-01', personName: null, roleName: 'Admin' },
    ];
    const f = fact({ lastReviewedOn: '2026-03-01', waitingOrders });
    expect(keys(f, '2026-04-03')).toEqual([]);
    expect(keys(f, '2026-04-04')).toEqual(['removal_not_executed']);
    const late = checkAccess(spec, f, '2026-04-07');
    expect(late.map((x) => [x.key, x.detailId, x.since])).toEqual([
      ['order_waiting_execution', 'o1', '2026-04-06'],
      ['removal_not_executed', 'o2', '2026-04-03'],
    ]);
    expect(late[1]!.text.sv).toBe('Borttagningen av Admin i systemet Procapita har väntat på att verkställas sedan 2026-04-01.');
  });

  it('finds nothing on a retired system', () => {
    expect(keys(fact({ lifecycle: 'retired', unmatchedAccounts: 4 }), '2030-01-01')).toEqual([]);
  });
});
