import { z } from 'zod';
import { ASPECTS, CLASSIFICATION_FLAGS, QUESTION_SUBJECTS, type Aspect } from '../../shared/classification.ts';

/**
 * The pack's section on information classification (docs/CLASSIFICATION.md): the scales (levels per aspect,
 * labelled in Swedish and English), the guide's consequence questions, the flags that force a minimum level,
 * the security requirements each level brings, and who approves. A pack without the section uses the default
 * pack's (classificationOf).
 */

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(64);
const text = z
  .object({ sv: z.string().trim().min(1).max(4000), en: z.string().trim().min(1).max(4000).optional() })
  .strict();
const months = z.number().int().min(1).max(60);

export const scaleLevelSchema = z
  .object({ number: z.number().int().min(0).max(9), label: text, description: text })
  .strict()
  .meta({ id: 'ClassificationScaleLevelSpec' });

export const scaleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .max(64)
      .describe('The scale identity, e.g. ansvar-1-4; stored with every level'),
    version: z.string().trim().min(1).max(20),
    name: text,
    aspects: z
      .array(
        z
          .object({ aspect: z.enum(ASPECTS), name: text, description: text, levels: z.array(scaleLevelSchema).min(2).max(10) })
          .strict(),
      )
      .min(1)
      .max(4),
  })
  .strict()
  .meta({ id: 'ClassificationScaleSpec' });
export type ScaleSpec = z.infer<typeof scaleSchema>;

export const requirementSchema = z
  .object({
    key,
    aspect: z.enum(ASPECTS),
    minLevel: z.number().int().min(0).max(9).describe('Applies when the system’s level of the aspect is at least this'),
    title: text,
    text,
    iso27002: z
      .array(z.string().regex(/^[5-8]\.\d{1,2}$/))
      .min(1)
      .max(8)
      .describe('ISO/IEC 27002:2022 control numbers, e.g. 8.5'),
  })
  .strict()
  .meta({ id: 'ClassificationRequirementSpec' });
export type RequirementSpec = z.infer<typeof requirementSchema>;

export const questionSchema = z
  .object({ aspect: z.enum(ASPECTS), about: z.enum(QUESTION_SUBJECTS), text, help: text.optional() })
  .strict();
export type QuestionSpec = z.infer<typeof questionSchema>;

export const floorSchema = z
  .object({ flag: z.enum(CLASSIFICATION_FLAGS), aspect: z.enum(ASPECTS), minLevel: z.number().int().min(0).max(9), reason: text })
  .strict();
export type FloorSpec = z.infer<typeof floorSchema>;

export const classificationSchema = z
  .object({
    scale: z.string().max(64).optional().describe('The scale new classifications use (a scale id); default: the first'),
    scales: z.array(scaleSchema).min(1).max(10),
    questions: z.array(questionSchema).max(100).default([]),
    floors: z.array(floorSchema).max(50).default([]),
    requirements: z.array(requirementSchema).max(500).default([]),
    approvers: z
      .array(key)
      .min(1)
      .max(5)
      .default(['systemagare', 'informationsagare'])
      .describe('Roles whose holders on the system (or its owning units) approve a classification'),
    selfApproval: z.boolean().default(false).describe('May the one who classified also approve?'),
    reviewMonths: months.default(12).describe('How long an approved classification holds before it is reviewed'),
    approvalWaitDays: z.number().int().min(1).max(365).default(30).describe('How long a submitted classification may wait for approval'),
    supportRole: key.default('digitaliseringsstrateg').describe('The role that supports the förvaltningar and sees every classification in progress'),
    actors: z
      .array(key)
      .min(1)
      .max(5)
      .default(['systemforvaltare', 'systemagare'])
      .describe('Roles on the system whose holder acts on a classification finding, tried in order'),
    requirementFindingLevel: z
      .number()
      .int()
      .min(0)
      .max(9)
      .default(3)
      .describe('A requirement not met is a finding when its level is at least this'),
  })
  .strict()
  .meta({ id: 'ClassificationSpec' });
export type ClassificationSpec = z.infer<typeof classificationSchema>;

/** The scale new classifications use. */
export function currentScale(spec: ClassificationSpec): ScaleSpec {
  return spec.scales.find((s) => s.id === spec.scale) ?? spec.scales[0]!;
}

/** A scale by id and version; null when the pack does not have it. */
export const findScale = (spec: ClassificationSpec, id: string, version: string): ScaleSpec | null =>
  spec.scales.find((s) => s.id === id && s.version === version) ?? null;

/** The level numbers a scale allows for an aspect (empty: the scale does not cover the aspect). */
export const levelNumbers = (scale: ScaleSpec, aspect: Aspect): number[] =>
  scale.aspects.find((a) => a.aspect === aspect)?.levels.map((l) => l.number) ?? [];

