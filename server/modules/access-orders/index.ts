/**
 * Access orders (docs/ACCESS.md): ordering, approving, executing, cancelling and confirming grants and removals;
 * the removals Ansvar makes for people who left, for temporary grants past their last day, and for a review's
 * remove decisions (orderRemovals); removals an import confirms (confirmRemovalsOfEndedGrants).
 */
export { accessOrderJobs, startAccessOrders } from './jobs.ts';
export { confirmRemovalsOfEndedGrants, orderDueRemovals, orderRemovals, type RemovalRequest } from './removals.ts';
