/**
 * The maintenance module: repairs of what earlier imports did. It lists people that are organisations
 * ("IT-enheten", "CGI", "Leverantör") and converts one: its role assignments move to the org unit or
 * supplier through roles' face, and the person is marked left through people's face. It owns no table
 * and other modules need nothing of it; its routes are registered by server/app.ts from routes.ts.
 */
export {};
