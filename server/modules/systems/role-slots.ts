import type { Db, Tx } from '../../platform/db/index.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Pack } from '../../policy/schema.ts';
import { rootOf } from '../org/index.ts';
import { currentOrganisationHolders, type SystemRow } from './repository.ts';

/** A role the pack names for systems, as the system page's summary lists it. */
export interface RoleSlot {
  key: string;
  name: string;
  required: boolean;
  kommunHolds: boolean;
}

/** A holder still holds its roles: not a person who left, nor a deactivated (or missing) unit. */
export const holds = (status: string | null): boolean => status !== null && status !== 'left' && status !== 'inactive';

/**
 * Whether the pack requires a holder of the role on a system: a role the system needs to go into operation
 * (settings.operationRequires), or one whose minHolders the pack checks on systems (requiredOn).
 */
export const requiredOnSystem = (pack: Pack, role: Pack['roles'][number]): boolean =>
  pack.settings.operationRequires.includes(role.key) || (role.minHolders > 0 && (role.requiredOn ?? role.subjectKinds).includes('system'));

/**
 * The roles the active pack names for systems, in the pack's order, each with whether it is required and
 * whether the kommun's holder counts for it here: a role also held for the whole kommun (driftansvarig),
 * nobody on the system holds it, the IT unit runs the system (internal_it) and the kommun has a holder.
 * Names no one: a summary shows the system's own holders, which the record carries.
 */
export async function roleSlotsOf(
  db: Db | Tx,
  pack: Pack,
  row: Pick<SystemRow, 'hosting' | 'owning_unit_id'>,
  held: ReadonlyArray<{ role_key: string; holder_status: string | null }>,
  today: string,
  locale: Locale,
): Promise<RoleSlot[]> {
  const roles = pack.roles.filter((r) => r.subjectKinds.includes('system'));
  const heldHere = new Set(held.filter((h) => holds(h.holder_status)).map((h) => h.role_key));
  const inherits = roles.filter((r) => r.subjectKinds.includes('organisation') && !heldHere.has(r.key));
  let kommun = new Set<string>();
  if (row.hosting === 'internal_it' && inherits.length) {
    const root = await rootOf(db, row.owning_unit_id);
    if (root) {
      kommun = new Set((await currentOrganisationHolders(db, root, today)).filter((h) => holds(h.holder_status)).map((h) => h.role_key));
    }
  }
  return roles.map((r) => ({
    key: r.key,
    name: (locale === 'en' ? r.name.en : undefined) ?? r.name.sv,
    required: requiredOnSystem(pack, r),
    kommunHolds: inherits.includes(r) && kommun.has(r.key),
  }));
}
