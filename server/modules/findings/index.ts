/** What other modules may use of findings: reading them fresh, and open counts per system. */
export { startFindings } from './refresher.ts';
export { openCounts } from './repository.ts';
export { findingJobs } from './jobs.ts';
