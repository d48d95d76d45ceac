/** Access reviews (behörighetskontroll, docs/ACCESS.md): campaigns, reviewers' inboxes, decisions, closing, evidence. */
export { accessReviewJobs } from './jobs.ts';
