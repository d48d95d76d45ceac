/**
 * What other modules may use of findings: the refresher that keeps them true, its background jobs (the hourly full
 * refresh, expiry of accepted risks), and open counts per system.
 */
export { startFindings } from './refresher.ts';
export { findingJobs } from './jobs.ts';
export { openCounts } from './repository.ts';
