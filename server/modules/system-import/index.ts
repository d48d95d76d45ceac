/**
 * The register import's face. Other modules use nothing of it; server/app.ts registers its routes (routes.ts:
 * dry-run, apply). It owns the system_imports table and writes the register through the owning modules' faces.
 */
export {};
