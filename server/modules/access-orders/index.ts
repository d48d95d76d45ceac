/** Access orders (docs/ACCESS.md): ordering, approving, executing and cancelling grants and removals; offboarding's removals. */
export { accessOrderJobs, startAccessOrders } from './jobs.ts';
