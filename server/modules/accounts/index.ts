/**
 * The accounts module's face: first-time setup, invitations, users and their permission grants. It owns
 * the users, account_tokens and permission_grants tables; sign-in (auth) changes a user through here.
 */
export { assertPasswordAllowed, createAccount, preparePassword } from './create-account.ts';
export { createInvite } from './invites.ts';
export { ensureSetupLink } from './setup.ts';
export { countUsers, replacePasswordHash, updateLocale } from './repository.ts';
export { grantSchema } from './schemas.ts';
