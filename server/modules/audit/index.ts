/**
 * What other modules may use of the audit trail: the events with their actor (to narrow with their own
 * conditions), an event as the API shows it, and the keyset on seq its pages use.
 */
export { eventsQuery, type EventRow } from './repository.ts';
export { nextSeqCursor, presentEvent, seqBefore } from './list-events.ts';
export { auditEventFields } from './schemas.ts';
