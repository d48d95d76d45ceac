import { z } from 'zod';
import { APP_ROLES } from '../../../shared/roles.ts';
import { emailInput, singleLine, idInput, isoTimestamp, nameInput, pageQuery, passwordInput, secretInput } from '../../platform/http/schemas.ts';

/** One permission grant: an app role over a unit (and its sub-units) or the whole installation. */
export const grantSchema = z
  .object({
    role: z.enum(APP_ROLES).describe('administrator, reviewer (granskare, read-only) or user (användare)'),
    orgUnitId: z.string().nullable().describe('The unit the grant covers; null for the whole installation'),
    includeSubunits: z.boolean().describe('Whether the grant also covers the units below'),
  })
  .meta({ id: 'Grant' });

/** A link's token: taken as given, one line (a path token the schema refuses is a 404). */
const token = secretInput(200).min(1);

export const tokenParam = z.object({ token: token.describe('The token from the link') });

export const setupBody = z
  .object({
    token,
    email: emailInput,
    name: nameInput,
    password: passwordInput,
    kommunName: singleLine(200)
      .min(1)
      .optional()
      .describe('The kommun\'s name, e.g. Svenljunga kommun: the kommun is created with its kommunstyrelse below it (the setup page asks for it)'),
  })
  .strict();

export const linkInfo = z.object({ valid: z.literal(true), expiresAt: isoTimestamp });

export const inviteBody = z
  .object({ email: emailInput, name: nameInput, role: z.enum(APP_ROLES).describe('The app role, installation-wide') })
  .strict();

export const inviteCreated = z.object({
  id: z.string(),
  url: z.string().describe('The one-time link to send to the person; it is shown only now'),
  expiresAt: isoTimestamp,
});

export const inviteInfo = z.object({ email: z.string(), name: z.string(), role: z.enum(APP_ROLES), expiresAt: isoTimestamp });

export const acceptBody = z.object({ token, name: nameInput, password: passwordInput }).strict();

export const createdUser = z.object({ id: z.string() });

export const userIdParam = z.object({ id: idInput });

export const usersQuery = z.object(pageQuery);

export const userSummary = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.enum(['active', 'disabled']),
    roles: z.array(grantSchema),
    createdAt: isoTimestamp,
    lastSeenAt: isoTimestamp.nullable(),
  })
  .meta({ id: 'UserSummary' });

export const usersPage = z.object({ items: z.array(userSummary), nextCursor: z.string().nullable() });

export const resetLinkCreated = z.object({
  id: z.string().describe('A short id of the link, as named in the audit trail'),
  url: z.string().describe('The one-time link to give the user; it is shown only now, works for 24 hours, and replaces earlier links'),
  expiresAt: isoTimestamp,
});

export const resetLinkInfo = z.object({
  email: z.string().describe('Whose password the link resets'),
  name: z.string(),
  expiresAt: isoTimestamp,
});

export const resetBody = z
  .object({
    token: token.describe('The token from the link'),
    password: passwordInput,
  })
  .strict();
