/** Access reviews (behörighetskontroll): campaigns, reviewers' inboxes, decisions, closing, evidence (docs/ACCESS.md). */
export {};
