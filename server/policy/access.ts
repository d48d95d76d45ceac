import { z } from 'zod';

/**
 * Access to systems (issue 15, docs/ACCESS.md): who orders, approves and executes access, who reviews it and how
 * often, and how long work may wait before it is a finding. A pack section with defaults, so a pack written
 * before it has the same values. Role keys name roles of the pack (validate.ts checks them).
 */

const key = z.string().regex(/^[a-z][a-z0-9_]*$/).max(64);
const roles = z.array(key).max(10);
const days = z.number().int().min(1).max(365);

/** A reviewer of a grant: the holder of a role on the grantee's unit (the chef) or on the system (the systemförvaltare). */
export const REVIEWER_BASES = ['person_unit', 'system'] as const;

export const ACCESS_DEFAULTS = {
  orderers: ['chef'],
  approvers: ['systemagare'],
  approvalFor: { privileged: true, confidentialityAtLeast: 3 as number | null },
  executors: ['behorighetsadministrator', 'systemforvaltare'],
  itUnitExecutes: true,
  administrators: ['systemforvaltare', 'behorighetsadministrator'],
  forbidSelfExecution: true,
  executionDays: 5,
  removalDays: 2,
  reviewers: [
    { role: 'chef', on: 'person_unit' as const },
    { role: 'systemforvaltare', on: 'system' as const },
  ],
  escalateTo: ['systemagare'],
  reviewReminderEveryDays: 7,
  reviewEscalateAfterDays: 7,
  reviewCadenceMonths: { default: 12, privileged: 6 },
  commentToKeepPrivileged: true,
};

export const accessSchema = z
  .object({
    orderers: roles
      .min(1)
      .default(ACCESS_DEFAULTS.orderers)
      .describe('Roles whose holders order access for the people of their unit (held on the person’s unit or a unit above it)'),
    approvers: roles
      .min(1)
      .default(ACCESS_DEFAULTS.approvers)
      .describe('Roles on the system (or a unit above it) whose holders approve an order that needs approval'),
    approvalFor: z
      .object({
        privileged: z.boolean().default(true).describe('Orders of a privileged access role need approval'),
        confidentialityAtLeast: z
          .number()
          .int()
          .min(1)
          .max(4)
          .nullable()
          .default(3)
          .describe('Orders on a system whose approved konfidentialitet is at least this need approval; null: never for that reason'),
      })
      .strict()
      .prefault({}),
    executors: roles.default(ACCESS_DEFAULTS.executors).describe('Roles on the system whose holders execute orders (grant and remove)'),
    itUnitExecutes: z.boolean().default(true).describe('People of the IT unit (and the units below it) execute orders too'),
    administrators: roles
      .default(ACCESS_DEFAULTS.administrators)
      .describe('Roles on the system whose holders keep its access roles and import its user list'),
    forbidSelfExecution: z.boolean().default(true).describe('Whoever ordered or will hold the access may not execute the order'),
    executionDays: days.default(ACCESS_DEFAULTS.executionDays).describe('Days an order may wait for execution before it is a finding'),
    removalDays: days.default(ACCESS_DEFAULTS.removalDays).describe('Days a removal may wait for execution before it is a finding'),
    reviewers: z
      .array(z.object({ role: key, on: z.enum(REVIEWER_BASES) }).strict())
      .min(1)
      .max(5)
      .default(ACCESS_DEFAULTS.reviewers)
      .describe('Who reviews a grant: the holder of a role on the grantee’s unit (or the nearest unit above it), or on the system'),
    escalateTo: roles.default(ACCESS_DEFAULTS.escalateTo).describe('Roles on the system told when a review is overdue'),
    reviewReminderEveryDays: days
      .default(ACCESS_DEFAULTS.reviewReminderEveryDays)
      .describe('Reviewers with undecided grants are reminded the day after the due date, then every this many days'),
    reviewEscalateAfterDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .default(ACCESS_DEFAULTS.reviewEscalateAfterDays)
      .describe('Days past the due date before the escalateTo roles of the systems still undecided are told (once)'),
    reviewCadenceMonths: z
      .object({ default: z.number().int().min(1).max(60).default(12), privileged: z.number().int().min(1).max(60).default(6) })
      .strict()
      .prefault({})
      .describe('How often a system’s grants are reviewed; privileged: a system with a privileged grant'),
    commentToKeepPrivileged: z.boolean().default(true).describe('Keeping a privileged grant in a review needs a comment'),
  })
  .strict();

export type AccessSpec = z.infer<typeof accessSchema>;

/** Does an order need the approver first? A privileged role, or a system classified at or above the pack's level. */
export function approvalRequired(spec: Pick<AccessSpec, 'approvalFor'>, privileged: boolean, confidentiality: number | null): boolean {
  if (spec.approvalFor.privileged && privileged) return true;
  const floor = spec.approvalFor.confidentialityAtLeast;
  return floor !== null && confidentiality !== null && confidentiality >= floor;
}

/** Months between reviews of a system: shorter when any of its current grants is privileged. */
export const reviewCadence = (spec: Pick<AccessSpec, 'reviewCadenceMonths'>, anyPrivileged: boolean): number =>
  anyPrivileged ? spec.reviewCadenceMonths.privileged : spec.reviewCadenceMonths.default;
