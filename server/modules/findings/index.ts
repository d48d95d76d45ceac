/** What other modules may use of findings: reading them fresh, and open counts per system. */
export { startFindings } from './refresher.ts';
export { openCounts } from './repository.ts';
export { findingJobs } from './jobs.ts';
// A finding's text may name a system the reader may not see: the list, a finding and the tasks redact it alike.
export { withoutHiddenSystems } from './list-findings.ts';
