/** What else a classification change makes stale: the system's findings and the overview. */
export const findingKeysToRefresh = [['findings'], ['systems']] as const;
