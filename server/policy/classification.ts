import type { Aspect, ClassificationFlag, QuestionSubject, SecurityProtection } from '../../shared/classification.ts';
import { ASPECTS } from '../../shared/classification.ts';
import type { ClassificationFindingKey } from '../../shared/policy.ts';
import { levelNumbers, type ClassificationSpec, type RequirementSpec, type ScaleSpec } from './classification-schema.ts';
import { addMonths } from './dates.ts';
import type { Finding, FindingSubject } from './facts.ts';
import { getDefaultPack } from './loader.ts';
import type { Pack, Severity, Text } from './schema.ts';

/**
 * Information classification, the pure side (docs/CLASSIFICATION.md): the pack's section (or the default
 * pack's), the guide's suggested level per aspect, the requirements a classification brings, the review
 * date, and the findings of one system's classification. No database, no HTTP.
 */

/** The pack's classification section; a pack without one uses the default pack's. */
export function classificationOf(pack: Pack): ClassificationSpec {
  return pack.classification ?? getDefaultPack().classification!;
}

export { currentScale, findScale, levelNumbers } from './classification-schema.ts';

export type Levels = Partial<Record<Aspect, number | null>>;

/** The flags beside the levels, as assessed in a classification. */
export interface ClassificationFlags {
  personalData: boolean | null;
  sensitivePersonalData: boolean | null;
  protectedIdentity: boolean | null;
  oslSecrecy: boolean | null;
  securityProtection: SecurityProtection | null;
}

const flagSet = (flags: ClassificationFlags, flag: ClassificationFlag): boolean =>
  flag === 'securityProtection' ? flags.securityProtection === 'yes' : flags[flag] === true;

/** The guide's answers: per aspect, per whom it is about, the consequence level chosen. */
export type Answers = Partial<Record<Aspect, Partial<Record<QuestionSubject, number>>>>;

export interface Suggestion {
  level: number | null;
  /** Why: each answer or flag that sets the level, in Swedish and English. */
  reasons: Text[];
}

const SUBJECT_TEXT: Record<QuestionSubject, { sv: string; en: string }> = {
  kommun: { sv: 'för kommunen', en: 'for the kommun' },
  individuals: { sv: 'för enskilda', en: 'for individuals' },
  society: { sv: 'för samhället', en: 'for society' },
};

/**
 * The suggested level per aspect: the highest consequence answered, raised to the floor of every flag set
 * (e.g. sensitive personal data → confidentiality at least 3). Null where nothing is answered and no floor applies.
 */
export function suggestLevels(spec: ClassificationSpec, scale: ScaleSpec, answers: Answers, flags: ClassificationFlags): Record<Aspect, Suggestion> {
  const out = {} as Record<Aspect, Suggestion>;
  for (const aspect of ASPECTS) {
    const allowed = levelNumbers(scale, aspect);
    let level: number | null = null;
    let reasons: Text[] = [];
    const raise = (n: number, reason: Text) => {
      if (!allowed.includes(n)) return;
      if (level === null || n > level) {
        level = n;
        reasons = [reason];
      } else if (n === level) reasons.push(reason);
    };
    for (const [about, n] of Object.entries(answers[aspect] ?? {}) as Array<[QuestionSubject, number]>) {
      const label = labelOf(scale, aspect, n);
      raise(n, {
        sv: `Följderna ${SUBJECT_TEXT[about].sv}: ${label?.sv ?? n} (nivå ${n}).`,
        en: `The consequences ${SUBJECT_TEXT[about].en}: ${label?.en ?? label?.sv ?? n} (level ${n}).`,
      });
    }
    for (const floor of spec.floors) if (floor.aspect === aspect && flagSet(flags, floor.flag)) raise(floor.minLevel, floor.reason);
    out[aspect] = { level, reasons };
  }
  return out;
}

export const labelOf = (scale: ScaleSpec, aspect: Aspect, n: number): Text | undefined =>
  scale.aspects.find((a) => a.aspect === aspect)?.levels.find((l) => l.number === n)?.label;

/** The requirements a classification's levels bring: those of each aspect whose minimum level the system reaches. */
export function applicableRequirements(spec: ClassificationSpec, levels: Levels): RequirementSpec[] {
  return spec.requirements.filter((r) => {
    const level = levels[r.aspect];
    return level !== null && level !== undefined && level >= r.minLevel;
  });
}

/** The day an approved classification is next reviewed: reviewMonths after the day it was approved. */
export const nextReviewOf = (spec: ClassificationSpec, approvedDay: string): string => addMonths(approvedDay, spec.reviewMonths);

/** What a classification was approved on: a change of any of these makes its review due at once. */
export interface ClassificationBasis {
  hosting: string | null;
  owningUnitId: string;
  personalData: string | null;
}

/** Which of the basis has changed since approval (empty: none). */
export function basisChanges(then: ClassificationBasis | null, now: ClassificationBasis): Array<keyof ClassificationBasis> {
  if (!then) return [];
  return (['hosting', 'owningUnitId', 'personalData'] as const).filter((k) => (then[k] ?? null) !== (now[k] ?? null));
}

/** When a classification is due for review: its review date, or today when its basis has changed. */
export function reviewDueOn(nextReviewAt: string | null, changes: readonly string[], today: string): string | null {
  if (!changes.length) return nextReviewAt;
  return nextReviewAt !== null && nextReviewAt < today ? nextReviewAt : today;
}

/** One system's classification as the findings see it. */
export interface ClassificationRecord {
  system: { id: string; name: string; samhallsviktig: boolean };
  lifecycle: string;
  basis: ClassificationBasis;
  approved: { levels: Levels; nextReviewAt: string | null; basis: ClassificationBasis | null } | null;
  /** The oldest classification waiting for approval, if any: when it was submitted. */
  submittedAt: string | null;
  /** The status of each requirement as kept by the systemförvaltare (key → status). */
  requirementStatus: ReadonlyMap<string, string>;
}

export interface ClassificationFinding extends Finding {
  key: ClassificationFindingKey;
  detailId: string | null;
  since: string | null;
}

const ASPECT_TEXT: Record<Aspect, { sv: string; en: string }> = {
  confidentiality: { sv: 'konfidentialitet', en: 'confidentiality' },
  integrity: { sv: 'riktighet', en: 'integrity' },
  availability: { sv: 'tillgänglighet', en: 'availability' },
  traceability: { sv: 'spårbarhet', en: 'traceability' },
};

const CHANGE_TEXT: Record<keyof ClassificationBasis, { sv: string; en: string }> = {
  hosting: { sv: 'driftform', en: 'hosting' },
  owningUnitId: { sv: 'ägande förvaltning', en: 'owning förvaltning' },
  personalData: { sv: 'personuppgifter', en: 'personal data' },
};

const TEXTS: Record<ClassificationFindingKey, (p: Record<string, string | number>) => { sv: string; en: string }> = {
  classification_missing: (p) => ({
    sv: `Systemet ${p.system} är i drift men har ingen godkänd informationsklassning.`,
    en: `The system ${p.system} is in operation but has no approved information classification.`,
  }),
  classification_review_due: (p) =>
    p.changed
      ? {
          sv: `Informationsklassningen av systemet ${p.system} ska ses över: ${p.changed} har ändrats sedan den godkändes.`,
          en: `The information classification of the system ${p.system} must be reviewed: its ${p.changedEn} changed after it was approved.`,
        }
      : {
          sv: `Informationsklassningen av systemet ${p.system} skulle ha setts över senast ${p.due}.`,
          en: `The information classification of the system ${p.system} should have been reviewed by ${p.due}.`,
        },
  classification_not_approved: (p) => ({
    sv: `Informationsklassningen av systemet ${p.system} lämnades för godkännande ${p.submitted} och har väntat mer än ${p.days} dagar.`,
    en: `The information classification of the system ${p.system} was submitted for approval on ${p.submitted} and has waited more than ${p.days} days.`,
  }),
  requirement_not_met: (p) => ({
    sv: `Systemet ${p.system} uppfyller inte kravet ”${p.requirement}” (${p.aspect} nivå ${p.level}).`,
    en: `The system ${p.system} does not meet the requirement “${p.requirementEn}” (${p.aspectEn} level ${p.level}).`,
  }),
};

const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The classification findings of one system on `today`: none for an avvecklad or planned system; a system i
 * drift without an approved classification; an approved one due for review (its date passed, or its basis
 * changed); a submitted one waiting longer than the pack allows; and each applicable requirement of at least
 * the pack's level marked not met.
 */
export function checkClassification(spec: ClassificationSpec, r: ClassificationRecord, today: string): ClassificationFinding[] {
  if (r.lifecycle === 'retired' || r.lifecycle === 'planned') return [];
  type Draft = { key: ClassificationFindingKey; severity: Severity; detailId?: string; since?: string; params?: Record<string, string | number> };
  const drafts: Draft[] = [];
  if (r.submittedAt) {
    const submitted = r.submittedAt.slice(0, 10);
    const limit = addDays(submitted, spec.approvalWaitDays);
    if (limit < today) drafts.push({ key: 'classification_not_approved', severity: 'low', since: limit, params: { submitted, days: spec.approvalWaitDays } });
  }
  if (!r.approved) {
    if (r.lifecycle === 'in_operation') drafts.push({ key: 'classification_missing', severity: r.system.samhallsviktig ? 'high' : 'medium' });
  } else {
    const changes = basisChanges(r.approved.basis, r.basis);
    if (changes.length) {
      drafts.push({
        key: 'classification_review_due',
        severity: 'medium',
        params: { changed: changes.map((c) => CHANGE_TEXT[c].sv).join(', '), changedEn: changes.map((c) => CHANGE_TEXT[c].en).join(', ') },
      });
    } else if (r.approved.nextReviewAt && r.approved.nextReviewAt < today) {
      drafts.push({ key: 'classification_review_due', severity: 'medium', since: r.approved.nextReviewAt, params: { due: r.approved.nextReviewAt } });
    }
    for (const req of applicableRequirements(spec, r.approved.levels)) {
      if (req.minLevel < spec.requirementFindingLevel || r.requirementStatus.get(req.key) !== 'not_met') continue;
      drafts.push({
        key: 'requirement_not_met',
        severity: req.minLevel >= 4 ? 'high' : 'medium',
        detailId: req.key,
        params: {
          requirementKey: req.key,
          requirement: req.title.sv,
          requirementEn: req.title.en ?? req.title.sv,
          aspect: ASPECT_TEXT[req.aspect].sv,
          aspectEn: ASPECT_TEXT[req.aspect].en,
          level: req.minLevel,
        },
      });
    }
  }
  const subject: FindingSubject = { kind: 'system', id: r.system.id, name: r.system.name };
  return drafts.map((d) => {
    const params = { system: r.system.name, ...d.params };
    return { key: d.key, severity: d.severity, subject, ruleIds: [], params, text: TEXTS[d.key](params), detailId: d.detailId ?? null, since: d.since ?? null };
  });
}
