/**
 * What a signed-in principal may do, spelled once: the server decides with them
 * (server/platform/access/permissions.ts) and the web shows pages by them (/api/me lists the caller's).
 */
export const PERMISSIONS = [
  'audit:read',
  'users:read',
  'users:manage',
  'org:read',
  'org:manage',
  'policy:read',
  'policy:manage',
  'systems:read',
  'systems:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
