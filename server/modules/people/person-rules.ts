import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { findPersonByEmail, findPersonByExternalId, findUnit, managerChain, uniqueViolation } from './repository.ts';

/** Checks shared by creating and changing a person; each refusal names the field. */

export async function assertUnitUsable(db: Db, unitId: string): Promise<void> {
  const unit = await findUnit(db, unitId);
  if (!unit) throw new AppError('validation_failed', { fields: [{ path: 'homeUnitId', key: 'people.unit_not_found' }] });
  if (unit.status !== 'active') throw new AppError('validation_failed', { fields: [{ path: 'homeUnitId', key: 'people.unit_inactive' }] });
}

const emailTaken = () => new AppError('email_taken', { fields: [{ path: 'email', key: 'people.email_taken' }] });
const externalIdTaken = () => new AppError('validation_failed', { fields: [{ path: 'externalId', key: 'people.external_id_taken' }] });

/** E-mail and employee id are unique among people (the person themselves excepted). */
export async function assertUnique(db: Db, v: { email?: string | null | undefined; externalId?: string | null | undefined }, selfId?: string): Promise<void> {
  if (v.email) {
    const other = await findPersonByEmail(db, v.email);
    if (other && other.id !== selfId) throw emailTaken();
  }
  if (v.externalId) {
    const other = await findPersonByExternalId(db, v.externalId);
    if (other && other.id !== selfId) throw externalIdTaken();
  }
}

/** A lost race on a unique index (the checks above passed in both transactions) is the same refusal. */
export function uniqueRefusal(err: unknown): unknown {
  const which = uniqueViolation(err);
  if (which === 'email') return emailTaken();
  if (which === 'externalId') return externalIdTaken();
  return err;
}

/**
 * The manager must exist and must not be the person, nor anyone the person is above in the chain
 * (that would make a loop of managers). Any person in the installation may be a manager: a
 * förvaltningschef often sits in a unit above the one a unit-scoped administrator manages.
 */
export async function assertManagerAllowed(db: Db, personId: string | null, managerId: string): Promise<void> {
  const refuse = (key: 'people.manager_not_found' | 'people.manager_self' | 'people.manager_cycle') =>
    new AppError('validation_failed', { fields: [{ path: 'managerId', key }] });
  if (managerId === personId) throw refuse('people.manager_self');
  const chain = await managerChain(db, managerId);
  if (chain.length === 0) throw refuse('people.manager_not_found');
  if (personId !== null && chain.includes(personId)) throw refuse('people.manager_cycle');
}
