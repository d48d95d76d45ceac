import { z } from 'zod';
import { HOLDER_KINDS } from '../../../shared/policy.ts';
import { LIFECYCLES } from '../../../shared/systems.ts';
import type { HolderKind } from '../../../shared/policy.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { SystemFactsInput } from '../systems/index.ts';
import type { Field } from './fields.ts';

/** A dry-run's plan can be applied for this long. */
export const IMPORT_TTL_MS = 3_600_000;

const facts = z.custom<SystemFactsInput>((v) => typeof v === 'object' && v !== null && 'name' in v && 'owningUnitId' in v);
const lifecycle = z.enum(LIFECYCLES);
const holderKind = z.enum(HOLDER_KINDS);
const level = z.number().int().nullable();
const krtLevels = z.object({ confidentiality: level, integrity: level, availability: level, traceability: level });

/** What the file's K/R/T does to the systems' classifications (the dry-run's and the result's `classifications`). */
export const classificationCountsSchema = z.object({
  create: z.number().int().describe('Systems that get a new draft classification (method import)'),
  update: z.number().int().describe('Draft classifications of an earlier import given the file\'s levels'),
  unchanged: z.number().int().describe('Systems whose classification in progress or approved already has these levels'),
  inProgress: z.number().int().describe('Systems where someone is working on a classification: the file\'s K/R/T is not used'),
});
export type ClassificationCounts = z.infer<typeof classificationCountsSchema>;
export const NO_CLASSIFICATIONS: ClassificationCounts = { create: 0, update: 0, unchanged: 0, inProgress: 0 };

/**
 * The plan a dry-run stores (system_imports.plan_json) and apply runs as it is, all in one transaction.
 * Every existing system the plan reads carries a fingerprint (its version, the role assignments and the
 * agreements it had): apply refuses with 409 when any of them moved since the dry-run.
 */
export const planSchema = z.object({
  createMissing: z.boolean(),
  units: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string() })),
  people: z.array(z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), homeUnitId: z.string() })),
  creates: z.array(z.object({ id: z.string(), lifecycle, facts })),
  updates: z.array(
    z.object({
      id: z.string(),
      registerNo: z.number(),
      version: z.number(),
      before: facts,
      after: facts,
      lifecycle: z.object({ from: lifecycle, to: lifecycle }).nullable(),
    }),
  ),
  checks: z.array(z.object({ id: z.string(), fingerprint: z.string() })),
  /** Holders are people, org units or suppliers (principalKind), as the role's holderKinds allow. */
  roleEnds: z.array(z.object({ id: z.string(), roleKey: z.string(), systemId: z.string(), principalKind: holderKind, principalId: z.string(), validFrom: z.string() })),
  roleStarts: z.array(z.object({ id: z.string(), roleKey: z.string(), systemId: z.string(), principalKind: holderKind, principalId: z.string() })),
  suppliers: z.array(z.object({ id: z.string(), name: z.string() })),
  agreementCreates: z.array(
    z.object({ id: z.string(), systemId: z.string(), supplierId: z.string().nullable(), kind: z.string(), title: z.string(), endDate: z.string().nullable() }),
  ),
  agreementUpdates: z.array(z.object({ id: z.string(), version: z.number(), before: z.string().nullable(), after: z.string() })),
  /** Draft classifications from the rows' K/R/T (classifications' importDrafts plans them again at apply). */
  classifications: z.array(z.object({ systemId: z.string(), levels: krtLevels, reference: z.string(), action: z.enum(['create', 'update']) })).default([]),
  /** Owning units the plan writes systems (or draft classifications) for, and units it adds people to: checked again at apply. */
  owners: z.array(z.string()),
  counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), error: z.number() }),
  classificationCounts: classificationCountsSchema.default(NO_CLASSIFICATIONS),
});
export type ImportPlan = z.infer<typeof planSchema>;

/** A unit as the planner sees it (active units only: systems are not registered for inactive ones). */
export interface UnitRef {
  id: string;
  name: string;
  code: string | null;
  external_id: string | null;
  parent_id: string | null;
  kind: string;
  /** 'it_unit' marks the kommun's IT unit ("IT-enheten" in a role cell). */
  function: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
  name_search: string;
  email: string | null;
  status: 'active' | 'disabled' | 'left';
}

/** An existing system with what the plan compares: its facts, current holders and linked agreements. */
export interface ExistingSystem {
  id: string;
  registerNo: number;
  name: string;
  nameKey: string;
  aliasKeys: string[];
  lifecycle: string;
  version: number;
  ownerId: string;
  facts: SystemFactsInput;
  holders: Array<{ assignmentId: string; roleKey: string; kind: HolderKind; holderId: string; validFrom: string }>;
  agreements: Array<{ id: string; supplierId: string | null; endDate: string | null; version: number }>;
  /** The caller may see it (a systems:read reach, or kommungemensamt). */
  visible: boolean;
}

export interface SupplierRef {
  id: string;
  name: string;
  name_sort: string;
}

/** A problem or a remark about one cell (or the whole row when cell is null), as a message key. */
export interface RowMessage {
  cell: string | null;
  column: string | null;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type FieldValues = Partial<Record<Field, string>>;

/** The fingerprint of an existing system: what apply compares to find changes made since the dry-run. */
export const fingerprintOf = (s: Pick<ExistingSystem, 'version' | 'holders' | 'agreements'>): string =>
  [
    s.version,
    s.holders.map((h) => h.assignmentId).sort().join(','),
    s.agreements.map((a) => `${a.id}:${a.version}`).sort().join(','),
  ].join('|');
