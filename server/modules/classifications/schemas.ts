import { z } from 'zod';
import {
  ASPECTS, CLASSIFICATION_METHODS, CLASSIFICATION_STATUSES, QUESTION_SUBJECTS, REQUIREMENT_STATUSES, SECURITY_PROTECTION,
} from '../../../shared/classification.ts';
import { idInput, isoTimestamp, multiLine, optionalFilter, optionalLine, optionalText, pageQuery, singleLine } from '../../platform/http/schemas.ts';

/** Request and response schemas of information classification (docs/CLASSIFICATION.md). */

const isoDate = z.string().describe('ISO date, YYYY-MM-DD');
/** A pack text in both languages (English may be missing: show the Swedish). */
const bothTexts = z.object({ sv: z.string(), en: z.string().nullable() }).meta({ id: 'PackText' });

export const systemIdParam = z.object({ id: idInput.describe('The system id') });
export const classificationIdParam = z.object({ id: idInput.describe('The classification id') });
export const requirementParams = z.object({ id: idInput.describe('The system id'), key: singleLine(64).min(1).describe('The requirement key') });

const level = z.number().int().min(0).max(9).nullable();
/** Levels per aspect, as numbers of the classification's scale; null: not decided yet. */
export const levelsSchema = z
  .object({
    confidentiality: level.describe('Konfidentialitet'),
    integrity: level.describe('Riktighet'),
    availability: level.describe('Tillgänglighet'),
    traceability: level.describe('Spårbarhet'),
  })
  .meta({ id: 'ClassificationLevels' });
const levelsInput = levelsSchema.partial().strict();

const answerLevels = z.object(Object.fromEntries(QUESTION_SUBJECTS.map((s) => [s, z.number().int().min(0).max(9).optional()]))).strict();
const answersInput = z
  .object(Object.fromEntries(ASPECTS.map((a) => [a, answerLevels.optional()])))
  .strict()
  .describe('The guide’s answers: per aspect, the consequence level for the kommun, for individuals and for society');
const justificationsInput = z
  .object(Object.fromEntries(ASPECTS.map((a) => [a, optionalText(2000).optional()])))
  .strict()
  .describe('Why a level differs from the suggested one, per aspect');

const flagsShape = {
  personalData: z.boolean().nullable().describe('Personuppgifter'),
  sensitivePersonalData: z.boolean().nullable().describe('Känsliga personuppgifter (GDPR art. 9 and 10)'),
  protectedIdentity: z.boolean().nullable().describe('Skyddade personuppgifter (skyddad identitet)'),
  oslSecrecy: z.boolean().nullable().describe('Sekretess enligt offentlighets- och sekretesslagen'),
  securityProtection: z.enum(SECURITY_PROTECTION).nullable().describe('Säkerhetsskydd: no, yes, under investigation; never any detail'),
};
export const flagsSchema = z.object(flagsShape).meta({ id: 'ClassificationFlags' });

const draftFields = {
  levels: levelsInput.optional(),
  flags: z.object(flagsShape).partial().strict().optional(),
  answers: answersInput.optional(),
  justifications: justificationsInput.optional(),
  method: z.enum(CLASSIFICATION_METHODS).optional().describe('guided (the guide), klassa, import, other'),
  reference: optionalLine(200).optional().describe('An external reference, e.g. a KLASSA report id'),
};

export const createClassificationBody = z
  .object({
    ...draftFields,
    scale: z
      .object({ id: singleLine(64).min(1), version: singleLine(20).min(1) })
      .strict()
      .optional()
      .describe('A scale of the pack (default: the one the pack names for new classifications)'),
  })
  .strict();
export type CreateClassificationInput = z.infer<typeof createClassificationBody>;

const rowVersion = z.number().int().min(0).describe('The rowVersion the change is based on (a stale one is a 409)');
export const patchClassificationBody = z.object({ rowVersion, ...draftFields }).strict();
export type PatchClassificationInput = z.infer<typeof patchClassificationBody>;

export const decideBody = z.object({ rowVersion }).strict();
export const rejectBody = z.object({ rowVersion, reason: multiLine(2000).min(1).describe('Why it is sent back') }).strict();

const userRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const classificationSchema = z
  .object({
    id: z.string(),
    systemId: z.string(),
    version: z.number().int().describe('1, 2, … per system'),
    status: z.enum(CLASSIFICATION_STATUSES),
    scale: z.object({ id: z.string(), version: z.string(), known: z.boolean().describe('false: the active pack no longer has this scale') }),
    levels: levelsSchema,
    suggestion: z
      .object(
        Object.fromEntries(
          ASPECTS.map((a) => [a, z.object({ level: z.number().int().nullable(), reasons: z.array(bothTexts) })]),
        ) as Record<(typeof ASPECTS)[number], z.ZodObject<{ level: z.ZodNullable<z.ZodNumber>; reasons: z.ZodArray<typeof bothTexts> }>>,
      )
      .describe('The guide’s suggested level per aspect, with the reasons'),
    answers: z.record(z.string(), z.record(z.string(), z.number())),
    justifications: z.record(z.string(), z.string()),
    flags: flagsSchema,
    method: z.enum(CLASSIFICATION_METHODS),
    reference: z.string().nullable(),
    createdBy: userRef,
    createdAt: isoTimestamp,
    submittedAt: isoTimestamp.nullable(),
    submittedBy: userRef,
    decidedAt: isoTimestamp.nullable(),
    decidedBy: userRef,
    decidedAs: bothTexts.nullable().describe('The role the approver held (systemägare, informationsägare)'),
    rejectionReason: z.string().nullable(),
    nextReviewAt: isoDate.nullable(),
    reviewDueAt: isoDate.nullable().describe('When the review is due: the review date, or the day hosting, owner or personal data changed'),
    supportRequestedAt: isoTimestamp.nullable(),
    supportRequestedBy: userRef,
    rowVersion: z.number().int(),
    can: z.object({ edit: z.boolean(), submit: z.boolean(), approve: z.boolean(), reject: z.boolean(), requestSupport: z.boolean() }),
  })
  .meta({ id: 'Classification' });
export type ClassificationView = z.infer<typeof classificationSchema>;

export const systemClassificationsSchema = z
  .object({
    system: z.object({ id: z.string(), registerNo: z.string(), name: z.string(), lifecycle: z.string() }),
    items: z.array(classificationSchema).describe('Every version, newest first'),
    canCreate: z.boolean().describe('May the caller start a new classification (none is in progress)?'),
    approverRoles: z.array(bothTexts).describe('The roles that approve (from the pack)'),
  })
  .meta({ id: 'SystemClassifications' });

// ——— scales ———

const scaleSchema = z.object({
  id: z.string(),
  version: z.string(),
  name: bothTexts,
  aspects: z.array(
    z.object({
      aspect: z.enum(ASPECTS),
      name: bothTexts,
      description: bothTexts,
      levels: z.array(z.object({ number: z.number().int(), label: bothTexts, description: bothTexts })),
    }),
  ),
});

export const scalesSchema = z
  .object({
    current: z.object({ id: z.string(), version: z.string() }).describe('The scale new classifications use'),
    scales: z.array(scaleSchema),
    questions: z.array(z.object({ aspect: z.enum(ASPECTS), about: z.enum(QUESTION_SUBJECTS), text: bothTexts, help: bothTexts.nullable() })),
    reviewMonths: z.number().int(),
  })
  .meta({ id: 'ClassificationScales' });

// ——— requirements ———

export const requirementSchema = z
  .object({
    key: z.string(),
    aspect: z.enum(ASPECTS),
    minLevel: z.number().int(),
    title: bothTexts,
    text: bothTexts,
    iso27002: z.array(z.string()),
    status: z.enum(REQUIREMENT_STATUSES).nullable().describe('null: not assessed yet'),
    how: z.string().nullable(),
    rowVersion: z.number().int().describe('0: never assessed'),
    updatedAt: isoTimestamp.nullable(),
    updatedBy: userRef,
  })
  .meta({ id: 'SystemRequirement' });

export const systemRequirementsSchema = z
  .object({
    classification: z.object({ id: z.string(), version: z.number().int(), levels: levelsSchema }).nullable().describe('The approved classification'),
    items: z.array(requirementSchema),
    counts: z.object({ met: z.number(), partly_met: z.number(), not_met: z.number(), not_applicable: z.number(), unassessed: z.number() }),
    canEdit: z.boolean(),
  })
  .meta({ id: 'SystemRequirements' });

export const patchRequirementBody = z
  .object({
    rowVersion: rowVersion.describe('The rowVersion read (0 when never assessed)'),
    status: z.enum(REQUIREMENT_STATUSES),
    how: optionalText(2000).optional().describe('How it is met; required for partly met and not applicable'),
  })
  .strict();
export type PatchRequirementInput = z.infer<typeof patchRequirementBody>;

// ——— overview ———

export const OVERVIEW_STATES = ['approved', 'missing', 'in_progress', 'review_due'] as const;

export const overviewQuery = z.object({
  unitId: optionalFilter(idInput).describe('Only systems owned within this unit’s subtree'),
});

export const overviewSchema = z
  .object({
    total: z.number().int().describe('Systems in scope (not avvecklade)'),
    approved: z.number().int(),
    inProgress: z.number().int(),
    missing: z.number().int(),
    reviewDue: z.number().int(),
    forvaltningar: z.array(
      z.object({
        unit: z.object({ id: z.string(), name: z.string() }).nullable().describe('null: systems owned outside any förvaltning'),
        total: z.number().int(),
        approved: z.number().int(),
        inProgress: z.number().int(),
        missing: z.number().int(),
        reviewDue: z.number().int(),
      }),
    ),
    distribution: z.array(
      z.object({ aspect: z.enum(ASPECTS), levels: z.array(z.object({ number: z.number().int(), count: z.number().int() })) }),
    ),
  })
  .meta({ id: 'ClassificationOverview' });

export const overviewSystemsQuery = z.object({
  unitId: optionalFilter(idInput),
  state: optionalFilter(z.enum(OVERVIEW_STATES)).describe('Only systems in this state'),
  aspect: optionalFilter(z.enum(ASPECTS)),
  level: optionalFilter(z.coerce.number().int().min(0).max(9)).describe('With aspect: only approved classifications at this level'),
  ...pageQuery,
});
export type OverviewSystemsQuery = z.infer<typeof overviewSystemsQuery>;

export const overviewSystemSchema = z.object({
  id: z.string(),
  registerNo: z.string(),
  name: z.string(),
  forvaltning: z.object({ id: z.string(), name: z.string() }).nullable(),
  state: z.enum(['approved', 'missing', 'in_progress']),
  inProgress: z.enum(['draft', 'submitted']).nullable(),
  levels: levelsSchema.nullable(),
  nextReviewAt: isoDate.nullable(),
  reviewDue: z.boolean(),
});

export const overviewSystemsPage = z
  .object({
    items: z.array(overviewSystemSchema),
    total: z.number().int().nullable().describe('Systems the filters let through, on the first page (no cursor); null on later pages'),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ClassificationSystemsPage' });
