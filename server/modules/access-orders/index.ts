/** Access orders: ordering, approving, executing and cancelling grants and removals; offboarding's removals (docs/ACCESS.md). */
export {};
