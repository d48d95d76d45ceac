/**
 * The onboarding module (getting started): computes the start page's steps and numbers from the other
 * modules' tables, which it only reads, and creates the kommun through org's face. It owns no table and
 * other modules need nothing of it; its routes are registered by server/app.ts from routes.ts.
 */
export {};
