import { describe, expect, it } from 'vitest';
import {
  applicableRequirements, basisChanges, checkClassification, classificationOf, currentScale, nextReviewOf, reviewDueOn, suggestLevels,
  type ClassificationFlags, type ClassificationRecord,
} from './classification.ts';
import { parseKrt } from './krt.ts';
import { getDefaultPack, loadPackObject } from './loader.ts';

const pack = getDefaultPack();
const spec = classificationOf(pack);
const scale = currentScale(spec);
const noFlags: ClassificationFlags = { personalData: null, sensitivePersonalData: null, protectedIdentity: null, oslSecrecy: null, securityProtection: null };

describe('the suggested level', () => {
  it('is the highest consequence answered per aspect, with its reason', () => {
    const s = suggestLevels(spec, scale, { confidentiality: { kommun: 1, individuals: 3, society: 2 }, availability: { society: 2 } }, noFlags);
    expect(s.confidentiality.level).toBe(3);
    expect(s.confidentiality.reasons).toHaveLength(1);
    expect(s.confidentiality.reasons[0]!.sv).toContain('för enskilda');
    expect(s.availability.level).toBe(2);
    expect(s.integrity).toEqual({ level: null, reasons: [] });
  });

  it('is raised to the floor of a flag, and the flag is the reason', () => {
    const s = suggestLevels(spec, scale, { confidentiality: { kommun: 1 } }, { ...noFlags, sensitivePersonalData: true });
    expect(s.confidentiality.level).toBe(3);
    expect(s.confidentiality.reasons.map((r) => r.sv).join(' ')).toMatch(/[Kk]änsliga personuppgifter/);
    // A floor below the answers changes nothing; säkerhetsskydd "under investigation" sets no floor.
    expect(suggestLevels(spec, scale, { confidentiality: { kommun: 4 } }, { ...noFlags, personalData: true }).confidentiality.level).toBe(4);
    expect(suggestLevels(spec, scale, {}, { ...noFlags, securityProtection: 'under_investigation' }).confidentiality.level).toBeNull();
    expect(suggestLevels(spec, scale, {}, { ...noFlags, securityProtection: 'yes' }).confidentiality.level).toBe(4);
  });

  it('keeps every reason that reaches the same level', () => {
    const s = suggestLevels(spec, scale, { integrity: { kommun: 2, society: 2 } }, noFlags);
    expect(s.integrity.reasons).toHaveLength(2);
  });
});

describe('the requirements a classification brings', () => {
  it('are those of each aspect whose minimum level the system reaches, none for an aspect without a level', () => {
    const levels = { confidentiality: 3, integrity: 1, availability: null, traceability: 0 };
    const got = applicableRequirements(spec, levels);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((r) => r.minLevel <= (levels[r.aspect] ?? -1))).toBe(true);
    expect(got.some((r) => r.aspect === 'availability')).toBe(false);
    expect(got.filter((r) => r.aspect === 'confidentiality').map((r) => r.minLevel)).toContain(3);
    // Exactly the catalogue's entries that qualify: nothing left out.
    const expected = spec.requirements.filter((r) => r.aspect === 'confidentiality' ? r.minLevel <= 3 : r.aspect === 'integrity' ? r.minLevel <= 1 : r.aspect === 'traceability' && r.minLevel <= 0);
    expect(got.map((r) => r.key).sort()).toEqual(expected.map((r) => r.key).sort());
  });

  it('the catalogue has 40–60 requirements in both languages, each with ISO/IEC 27002:2022 numbers, and the ones the issue names', () => {
    expect(spec.requirements.length).toBeGreaterThanOrEqual(40);
    expect(spec.requirements.length).toBeLessThanOrEqual(60);
    for (const r of spec.requirements) {
      expect(r.title.en, r.key).toBeTruthy();
      expect(r.text.en, r.key).toBeTruthy();
      expect(r.iso27002.length, r.key).toBeGreaterThan(0);
    }
    const has = (aspect: string, level: number, control: string) =>
      spec.requirements.some((r) => r.aspect === aspect && r.minLevel === level && r.iso27002.includes(control));
    expect(has('confidentiality', 3, '8.5')).toBe(true); // multi-factor sign-in
    expect(has('confidentiality', 3, '8.24')).toBe(true); // encryption
    expect(has('availability', 3, '8.13')).toBe(true); // tested restore
    expect(has('traceability', 3, '8.15')).toBe(true); // logs kept and protected
  });
});

describe('the review date', () => {
  it('is reviewMonths after approval, keeping the day or taking the month’s last', () => {
    expect(nextReviewOf(spec, '2026-04-15')).toBe('2027-04-15');
    expect(nextReviewOf({ ...spec, reviewMonths: 1 }, '2026-01-31')).toBe('2026-02-28');
    expect(nextReviewOf(spec, '2028-02-29')).toBe('2029-02-28');
  });

  it('falls due at once when hosting, owner or personal data changed since approval', () => {
    const then = { hosting: 'internal_it', owningUnitId: 'u1', personalData: 'personal' };
    expect(basisChanges(then, { ...then })).toEqual([]);
    expect(basisChanges(then, { ...then, hosting: 'saas', personalData: 'sensitive' })).toEqual(['hosting', 'personalData']);
    expect(basisChanges(null, then)).toEqual([]);
    expect(reviewDueOn('2027-04-15', [], '2026-05-01')).toBe('2027-04-15');
    expect(reviewDueOn('2027-04-15', ['hosting'], '2026-05-01')).toBe('2026-05-01');
    expect(reviewDueOn('2026-03-01', ['hosting'], '2026-05-01')).toBe('2026-03-01');
  });
});

describe('the classification findings of a system', () => {
  const basis = { hosting: 'internal_it', owningUnitId: 'u1', personalData: 'none' };
  const record = (over: Partial<ClassificationRecord>): ClassificationRecord => ({
    system: { id: 's1', name: 'Procapita', samhallsviktig: false },
    lifecycle: 'in_operation',
    basis,
    approved: null,
    submittedAt: null,
    requirementStatus: new Map(),
    ...over,
  });
  const keys = (r: ClassificationRecord, today = '2026-06-01') => checkClassification(spec, r, today).map((f) => f.key);
  const approved = { levels: { confidentiality: 3, integrity: 2, availability: 2, traceability: 1 }, nextReviewAt: '2027-01-01', basis };

  it('a system i drift without an approved classification; none for a planned or retired one', () => {
    expect(keys(record({}))).toEqual(['classification_missing']);
    expect(checkClassification(spec, record({ system: { id: 's1', name: 'X', samhallsviktig: true } }), '2026-06-01')[0]!.severity).toBe('high');
    expect(keys(record({ lifecycle: 'planned' }))).toEqual([]);
    expect(keys(record({ lifecycle: 'retired' }))).toEqual([]);
    expect(keys(record({ approved }))).toEqual([]);
  });

  it('a review past its date, or due because the basis changed', () => {
    expect(keys(record({ approved }), '2027-01-02')).toEqual(['classification_review_due']);
    expect(keys(record({ approved }), '2027-01-01')).toEqual([]);
    const moved = checkClassification(spec, record({ approved, basis: { ...basis, hosting: 'saas' } }), '2026-06-01');
    expect(moved.map((f) => f.key)).toEqual(['classification_review_due']);
    expect(moved[0]!.text.sv).toContain('driftform');
    expect(moved[0]!.text.en).toContain('hosting');
  });

  it('a submitted classification waiting longer than the pack allows', () => {
    expect(keys(record({ submittedAt: '2026-05-01T08:00:00.000Z' }), '2026-05-31')).toEqual(['classification_missing']);
    const late = checkClassification(spec, record({ submittedAt: '2026-05-01T08:00:00.000Z' }), '2026-06-01');
    expect(late.map((f) => f.key)).toEqual(['classification_not_approved', 'classification_missing']);
    expect(late[0]!.since).toBe('2026-05-31');
  });

  it('a requirement not met from the pack’s level up, one finding each with the requirement as detail', () => {
    const k3 = spec.requirements.find((r) => r.aspect === 'confidentiality' && r.minLevel === 3)!;
    const k1 = spec.requirements.find((r) => r.aspect === 'confidentiality' && r.minLevel === 1)!;
    const status = new Map([
      [k3.key, 'not_met'],
      [k1.key, 'not_met'],
    ]);
    const found = checkClassification(spec, record({ approved, requirementStatus: status }), '2026-06-01');
    expect(found.map((f) => [f.key, f.detailId])).toEqual([['requirement_not_met', k3.key]]);
    expect(found[0]!.text.sv).toContain(k3.title.sv);
    // Not applicable to the levels (a level-4 requirement at level 3): no finding.
    const k4 = spec.requirements.find((r) => r.aspect === 'confidentiality' && r.minLevel === 4)!;
    expect(keys(record({ approved, requirementStatus: new Map([[k4.key, 'not_met']]) }))).toEqual([]);
  });
});

describe('the pack’s classification section', () => {
  const withSection = (change: (c: Record<string, unknown>) => void) => {
    const copy = structuredClone(pack) as unknown as Record<string, unknown>;
    change(copy.classification as Record<string, unknown>);
    return loadPackObject(copy);
  };

  it('is checked: a level off the scale, a duplicate key, an unknown role or scale is named by its path', () => {
    const bad = withSection((c) => {
      const reqs = c.requirements as Array<Record<string, unknown>>;
      reqs[0]!.minLevel = 7;
      reqs[2]!.key = reqs[1]!.key;
      c.approvers = ['systemagare', 'kung'];
      c.scale = 'klassa-2019';
    });
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.problems.map((p) => p.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['classification.requirements.0.minLevel', 'classification.requirements.2.key', 'classification.approvers.1', 'classification.scale']),
    );
  });

  it('a pack without the section uses the default pack’s', () => {
    const copy = structuredClone(pack) as unknown as Record<string, unknown>;
    delete copy.classification;
    const loaded = loadPackObject(copy);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(classificationOf(loaded.pack).requirements).toEqual(spec.requirements);
  });
});

describe('K/R/T as registers write it', () => {
  it.each([
    ['3/2/2', [3, 2, 2, null]],
    ['3/2/2/1', [3, 2, 2, 1]],
    ['3-2-2', [3, 2, 2, null]],
    ['3, 2, 2', [3, 2, 2, null]],
    ['3/–/2', [3, null, 2, null]],
    ['K3 R2 T2', [3, 2, 2, null]],
    ['K3R2T2S1', [3, 2, 2, 1]],
    ['K:3, R=2, T:2', [3, 2, 2, null]],
    ['k2 t3', [2, null, 3, null]],
    ['C3 I2 A2', [3, 2, 2, null]],
  ])('%s', (text, [k, r, t, s]) => {
    expect(parseKrt(text)).toEqual({ confidentiality: k, integrity: r, availability: t, traceability: s });
  });

  it.each(['hög', '1/2', '12/2/2', 'K3 K2', 'K3 och lite', '–/–/–', '', 'K3 A2'])('%s does not read', (text) => {
    expect(parseKrt(text)).toBeNull();
  });
});
