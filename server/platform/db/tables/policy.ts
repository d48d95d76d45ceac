/** Tables of policy pack versions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PolicyTables {}
