/** Tables of people and HR import batches. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PeopleTables {}
