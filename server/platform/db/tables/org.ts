/** Tables of org units (extra columns), role assignments. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OrgTables {}
