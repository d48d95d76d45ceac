import { z } from 'zod';
import { emailInput, isoTimestamp, pageQuery, singleLine, singleLineCheck } from '../../platform/http/schemas.ts';
import { agreementSummarySchema } from './agreement-schemas.ts';
import { httpUrl, id, longText, text } from './fields.ts';
import { parseOrgNumber } from './model.ts';

/** Request and response schemas of suppliers and their contacts. */

/** NNNNNN-NNNN or ten digits; stored with the hyphen; the check digit must be right. Empty = none. */
const orgNumber = z
  .string()
  .max(20)
  .check(singleLineCheck)
  .nullable()
  .transform((v, ctx) => {
    if (v === null || v.trim() === '') return null;
    const parsed = parseOrgNumber(v);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', params: { key: parsed.problem === 'format' ? 'suppliers.org_number_format' : 'suppliers.org_number_checksum' } });
    return z.NEVER;
  })
  .describe('Organisationsnummer, NNNNNN-NNNN (the hyphen may be left out); the last digit is a Luhn check digit');

export const supplierIdParam = z.object({ id: id.describe('The supplier id') });
export const contactParams = z.object({ id: id.describe('The supplier id'), contactId: id.describe('The contact id') });

export const suppliersQuery = z.object({
  q: singleLine(200).optional().describe('Search in name and organisation number (ignores case, incl. å/ä/ö)'),
  ...pageQuery,
});
export type SuppliersQuery = z.infer<typeof suppliersQuery>;

const supplierFacts = {
  name: singleLine(200).min(1).describe('The supplier’s name'),
  orgNumber,
  website: httpUrl('suppliers.website_invalid').describe('http(s) address'),
  note: longText(4000),
};

export const createSupplierBody = z
  .object({
    name: supplierFacts.name,
    orgNumber: supplierFacts.orgNumber.optional(),
    website: supplierFacts.website.optional(),
    note: supplierFacts.note.optional(),
  })
  .strict();
export type CreateSupplierInput = z.infer<typeof createSupplierBody>;

export const patchSupplierBody = z
  .object({
    version: z.number().int().min(1).describe('The version the change is based on; a stale version gives 409 conflict'),
    name: supplierFacts.name.optional(),
    orgNumber: supplierFacts.orgNumber.optional(),
    website: supplierFacts.website.optional(),
    note: supplierFacts.note.optional(),
  })
  .strict();
export type SupplierPatch = z.infer<typeof patchSupplierBody>;

const contactFacts = {
  name: singleLine(200).min(1),
  email: z.union([z.literal(''), emailInput]).nullable().transform((v) => v || null),
  phone: text(50),
  role: text(200).describe('What the contact does for us, e.g. "Kundansvarig", "Support"'),
};

export const createContactBody = z
  .object({
    name: contactFacts.name,
    email: contactFacts.email.optional(),
    phone: contactFacts.phone.optional(),
    role: contactFacts.role.optional(),
  })
  .strict();
export type ContactInput = z.infer<typeof createContactBody>;

export const patchContactBody = z
  .object({
    name: contactFacts.name.optional(),
    email: contactFacts.email.optional(),
    phone: contactFacts.phone.optional(),
    role: contactFacts.role.optional(),
  })
  .strict();
export type ContactPatch = z.infer<typeof patchContactBody>;

export const supplierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    orgNumber: z.string().nullable().describe('NNNNNN-NNNN'),
    website: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Supplier' });

export const contactSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    role: z.string().nullable(),
    createdAt: isoTimestamp,
  })
  .meta({ id: 'SupplierContact' });

export const supplierDetailSchema = supplierSchema
  .extend({
    contacts: z.array(contactSchema),
    agreements: z.array(agreementSummarySchema).describe('The supplier’s agreements the caller may see'),
    can: z.object({ edit: z.boolean().describe('The caller may change the supplier and its contacts') }),
  })
  .meta({ id: 'SupplierDetail' });

export const suppliersPage = z.object({ items: z.array(supplierSchema), nextCursor: z.string().nullable() }).meta({ id: 'SuppliersPage' });
