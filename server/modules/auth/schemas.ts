import { z } from 'zod';
import { LOCALES } from '../../../shared/roles.ts';
import { ACTIONS } from '../../platform/access/permissions.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords.ts';
import { emailInput, passwordInput, secretInput } from '../../platform/http/schemas.ts';
import { grantSchema } from '../accounts/index.ts';

export const csrfResponse = z.object({ token: z.string().describe('Send as the x-csrf-token header on every POST, PUT, PATCH and DELETE') });

export const loginBody = z
  .object({
    email: emailInput,
    password: secretInput(256).min(1).describe('The account password'),
  })
  .strict();

export const meResponse = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.enum(LOCALES).nullable().describe('Preferred interface language, if chosen'),
    roles: z.array(grantSchema),
    permissions: z.array(z.enum(ACTIONS)).describe('Actions the user may perform somewhere; the server checks each request'),
  })
  .meta({ id: 'Me' });

export const loginResponse = z.object({ user: meResponse });

export const localeBody = z.object({ locale: z.enum(LOCALES) }).strict();

export const passwordChangeBody = z
  .object({
    currentPassword: secretInput(MAX_PASSWORD_LENGTH)
      .min(1)
      .describe('The password in use now; a wrong one counts towards the sign-in lockout like a failed sign-in'),
    newPassword: passwordInput.describe(`The new password: at least ${MIN_PASSWORD_LENGTH} characters, not a common one, not the current one`),
  })
  .strict();

export const passwordChanged = z.object({
  otherSessionsEnded: z.number().int().describe("How many of the user's other sessions were ended; the caller's own session stays"),
});
