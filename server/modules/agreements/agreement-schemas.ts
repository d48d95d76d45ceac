import { z } from 'zod';
import { PERSON_STATUSES } from '../../../shared/org.ts';
import { isoTimestamp, optionalFilter, pageQuery, singleLine } from '../../platform/http/schemas.ts';
import { httpUrl, id, longText, text } from './fields.ts';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, MAX_NOTICE_MONTHS } from './model.ts';

/** Request and response schemas of agreements and their links to systems. */

const isoDate = z.iso.date().describe('ISO date, YYYY-MM-DD');

export const agreementIdParam = z.object({ id: id.describe('The agreement id') });
export const agreementSystemParams = z.object({ id: id.describe('The agreement id'), systemId: id.describe('The system id') });
export const systemIdParam = z.object({ id: id.describe('The system id') });

export const agreementsQuery = z.object({
  q: singleLine(200).optional().describe('Search in title, diarienummer and supplier name (ignores case, incl. å/ä/ö)'),
  supplierId: optionalFilter(id).describe('Only this supplier’s agreements'),
  systemId: optionalFilter(id).describe('Only agreements linked to this system'),
  endingBefore: optionalFilter(isoDate).describe('Only agreements whose end date is before this date'),
  ...pageQuery,
});
export type AgreementsQuery = z.infer<typeof agreementsQuery>;

const clause = z.boolean().nullable().describe('true: the agreement has the clause; false: it does not; null: not known');
const clausesInput = z
  .object({
    logging: clause.optional().describe('Logging (loggning)'),
    backup: clause.optional().describe('Backup (säkerhetskopiering)'),
    destruction: clause.optional().describe('Secure destruction of media and data (säker destruktion)'),
    dpa: clause.optional().describe('Personuppgiftsbiträdesavtal (data processing agreement)'),
  })
  .strict();
export type ClausesInput = z.infer<typeof clausesInput>;

/** The editable facts of an agreement; create needs kind and title. */
const facts = {
  kind: z.enum(AGREEMENT_KINDS),
  title: singleLine(300).min(1).describe('What the agreement is called'),
  supplierId: id.nullable().describe('The supplier; none for e.g. an internal tjänsteöverenskommelse'),
  reference: text(100).describe('Diarienummer or the supplier’s contract number'),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable().describe('The last day the agreement applies; not before startDate'),
  noticeMonths: z.number().int().min(0).max(MAX_NOTICE_MONTHS).nullable().describe('Uppsägningstid in months, 0–60'),
  autoRenewal: z.boolean().describe('The agreement renews itself unless terminated within the notice period'),
  documentUrl: httpUrl('agreements.document_url_invalid').describe('Where the signed agreement is (http(s) only)'),
  responsiblePersonId: id.nullable().describe('The person responsible for the agreement; must not have left'),
  clauses: clausesInput,
  note: longText(4000),
};

export const createAgreementBody = z
  .object({
    kind: facts.kind,
    title: facts.title,
    supplierId: facts.supplierId.optional(),
    reference: facts.reference.optional(),
    startDate: facts.startDate.optional(),
    endDate: facts.endDate.optional(),
    noticeMonths: facts.noticeMonths.optional(),
    autoRenewal: facts.autoRenewal.default(false),
    documentUrl: facts.documentUrl.optional(),
    responsiblePersonId: facts.responsiblePersonId.optional(),
    clauses: facts.clauses.optional(),
    note: facts.note.optional(),
    systemIds: z.array(id).max(50).default([]).describe('Systems to link at once (edit rights on each are needed)'),
  })
  .strict();
export type CreateAgreementInput = z.infer<typeof createAgreementBody>;

export const patchAgreementBody = z
  .object({
    version: z.number().int().min(1).describe('The version the change is based on; a stale version gives 409 conflict'),
    kind: facts.kind.optional(),
    title: facts.title.optional(),
    supplierId: facts.supplierId.optional(),
    reference: facts.reference.optional(),
    startDate: facts.startDate.optional(),
    endDate: facts.endDate.optional(),
    noticeMonths: facts.noticeMonths.optional(),
    autoRenewal: facts.autoRenewal.optional(),
    documentUrl: facts.documentUrl.optional(),
    responsiblePersonId: facts.responsiblePersonId.optional(),
    clauses: facts.clauses.optional(),
    note: facts.note.optional(),
  })
  .strict();
export type AgreementPatch = z.infer<typeof patchAgreementBody>;

export const linkSystemBody = z.object({ systemId: id.describe('The system the agreement covers') }).strict();

const ref = z.object({ id: z.string(), name: z.string() });
const clausesSchema = z.object({ logging: z.boolean().nullable(), backup: z.boolean().nullable(), destruction: z.boolean().nullable(), dpa: z.boolean().nullable() });

export const agreementSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(AGREEMENT_KINDS),
    title: z.string(),
    reference: z.string().nullable(),
    supplier: ref.nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    noticeMonths: z.number().int().nullable(),
    noticeFrom: z.string().nullable().describe('The first day of the notice period: endDate − noticeMonths'),
    autoRenewal: z.boolean(),
    status: z.enum(AGREEMENT_STATUSES).describe('Today (Swedish time): active, in_notice_period, ended or not_started'),
    clauses: clausesSchema,
    responsible: ref.extend({ status: z.enum(PERSON_STATUSES) }).nullable(),
    updatedAt: isoTimestamp,
    version: z.number().int(),
  })
  .meta({ id: 'AgreementSummary' });

const linkedSystem = z.object({
  id: z.string(),
  registerNo: z.string(),
  name: z.string(),
  lifecycle: z.string(),
  canUnlink: z.boolean().describe('The caller may remove this link (edit rights on the system)'),
});

export const agreementSchema = agreementSummarySchema
  .extend({
    documentUrl: z.string().nullable(),
    note: z.string().nullable(),
    systems: z.array(linkedSystem).describe('Linked systems the caller may see'),
    hiddenSystemCount: z.number().int().describe('Linked systems the caller may not see'),
    createdAt: isoTimestamp,
    can: z.object({ edit: z.boolean().describe('The caller may change the agreement') }),
  })
  .meta({ id: 'Agreement' });

export const agreementsPage = z
  .object({ items: z.array(agreementSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AgreementsPage' });

export const systemAgreementsSchema = z
  .object({ items: z.array(agreementSummarySchema).describe('The agreements linked to the system, ending soonest first') })
  .meta({ id: 'SystemAgreements' });
