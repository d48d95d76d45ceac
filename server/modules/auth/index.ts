/**
 * The auth module's face. Other modules use nothing of sign-in, sign-out, /api/me, the language choice
 * or the password change; its HTTP routes (routes.ts) are registered by server/app.ts only.
 */
export {};
