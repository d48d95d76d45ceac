/** The health module's face. Other modules use nothing of it; server/app.ts registers GET /api/health (routes.ts). */
export {};
