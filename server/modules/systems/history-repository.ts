import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { holderContactName, holderName, holderStatus } from '../../platform/db/holders.ts';
import { eventsQuery } from '../audit/index.ts';

/**
 * A system's history: the audit events of the system itself and of the role assignments on it, newest
 * first, keyset on seq. The entities (the system, and its assignments from role_assignments_subject_idx)
 * drive a lookup in audit_entity_idx (entity_type, entity_id, seq) each, on both databases; an OR with
 * `entity_id in (select …)` instead made PostgreSQL read the whole trail backwards. A role event
 * carries the assignment's role and holder, of whatever kind (neither ever changes: a handover is a new
 * assignment), named by primary-key lookups.
 */
export async function listSystemHistory(db: Db, systemId: string, beforeSeq: number | undefined, limit: number) {
  const entities = db
    .selectFrom('role_assignments')
    .select([sql<string>`'role_assignment'`.as('entity_type'), 'id as entity_id'])
    .where('subject_kind', '=', 'system')
    .where('subject_id', '=', systemId)
    .unionAll(db.selectNoFrom([sql<string>`'system'`.as('entity_type'), sql<string>`cast(${systemId} as text)`.as('entity_id')]));
  let q = eventsQuery(db)
    .innerJoin(entities.as('e'), (j) =>
      j.onRef('e.entity_type', '=', 'audit_events.entity_type').onRef('e.entity_id', '=', 'audit_events.entity_id'),
    )
    .leftJoin('role_assignments as ra', (j) =>
      j.onRef('ra.id', '=', 'audit_events.entity_id').on('audit_events.entity_type', '=', 'role_assignment'),
    )
    .select([
      'ra.role_key',
      'ra.principal_kind',
      'ra.principal_id',
      'ra.principal_contact_id',
      holderName('ra').as('holder_name'),
      holderStatus('ra').as('holder_status'),
      holderContactName('ra').as('holder_contact_name'),
    ])
    .orderBy('audit_events.seq', 'desc')
    .limit(limit + 1);
  if (beforeSeq !== undefined) q = q.where('audit_events.seq', '<', beforeSeq);
  const rows = await q.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
