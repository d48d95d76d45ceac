/**
 * Information classification (docs/CLASSIFICATION.md): each system's classification in versions (draft → submitted →
 * approved or rejected; an approved one superseded by the next), the security requirements its levels bring and how
 * each is met, and the overview per förvaltning. What other modules may use: the register import's K/R/T drafts.
 * The routes are registered by server/app.ts from routes.ts.
 */
export { importDrafts, importTargets, levelsOffScale, planImportDraft, type ImportDraft, type ImportDraftAction, type ImportTarget } from './import-drafts.ts';
