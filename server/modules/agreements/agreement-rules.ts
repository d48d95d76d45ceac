import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { findSystem, type SystemRow, type SystemVisibility } from '../systems/index.ts';
import type { SystemEditCheck } from './access.ts';
import { findPerson } from '../people/index.ts';
import { isSystemVisible } from './agreement-repository.ts';
import type { AgreementFacts } from './present.ts';
import { findSupplier } from './repository.ts';

/** Checks shared by creating and changing agreements and their links; each refusal names the field. */

export const invalid = (...fields: FieldProblem[]) => new AppError('validation_failed', { fields });

/** Supplier, responsible person and dates of an agreement; `was` skips checks of facts that did not change. */
export async function assertAgreementFacts(db: Db | Tx, facts: AgreementFacts, was?: AgreementFacts): Promise<void> {
  const problems: FieldProblem[] = [];
  if (facts.supplierId !== null && facts.supplierId !== was?.supplierId && !(await findSupplier(db, facts.supplierId))) {
    problems.push({ path: 'supplierId', key: 'agreements.supplier_not_found' });
  }
  if (facts.responsiblePersonId !== null && facts.responsiblePersonId !== was?.responsiblePersonId) {
    const person = await findPerson(db, facts.responsiblePersonId);
    if (!person) problems.push({ path: 'responsiblePersonId', key: 'agreements.responsible_not_found' });
    else if (person.status === 'left') problems.push({ path: 'responsiblePersonId', key: 'agreements.responsible_left', params: { name: person.name } });
  }
  if (facts.startDate !== null && facts.endDate !== null && facts.endDate < facts.startDate) {
    problems.push({ path: 'endDate', key: 'agreements.end_before_start' });
  }
  if (problems.length) throw invalid(...problems);
}

/**
 * A system an agreement is to be linked to: it must exist and be visible to the caller (else a field
 * error, as if it did not exist), the caller must have edit rights on it (403), and it must not be
 * avvecklad (409 refused).
 */
export async function systemForLink(db: Db | Tx, v: SystemVisibility, canEdit: SystemEditCheck, systemId: string, path: string): Promise<SystemRow> {
  const system = await findSystem(db, systemId);
  if (!system || !(await isSystemVisible(db, systemId, v))) throw invalid({ path, key: 'agreements.system_not_found' });
  if (!(await canEdit(system))) throw new AppError('forbidden');
  if (system.lifecycle === 'retired') throw new AppError('refused', { fields: [{ path, key: 'agreements.system_retired' }] });
  return system;
}
