import { can, canSomewhere, unitScope, type Grant, type UnitScope } from '../../platform/access/permissions.ts';
import { reachOf, unitsInReach } from '../../platform/access/reach.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { UnitRef } from './plan-types.ts';

/**
 * What an import may do (docs/SYSTEM-IMPORT.md): register and change systems for the units its
 * systems:write grants reach (administrator or user); add förvaltningar with org:manage at the kommun's
 * root; add people where org:manage reaches. Unit grants become sets of unit ids once per import.
 */
export interface ImportRights {
  /** The kommun new förvaltningar go below when the file does not tell (the one root of kind kommun). */
  rootId: string | null;
  canWrite: (unitId: string) => boolean;
  /** systems:write would reach a new förvaltning below this root. */
  canWriteNew: (rootId: string) => boolean;
  /** org:manage at this root: förvaltningar may be added below it. */
  canCreateUnits: (rootId: string) => boolean;
  /** org:manage reaches the unit (null: a new förvaltning below the root). */
  canAddPeople: (unitId: string | null, rootId: string | null) => boolean;
  /** The units whose systems the caller may read (null: all). */
  readable: Set<string> | null;
}

/** Where new förvaltningar go when the file does not say: the one root of kind kommun (else the only root), among the units given. */
function defaultRootOf(units: ReadonlyArray<Pick<UnitRef, 'id' | 'parent_id' | 'kind'>>): string | null {
  const roots = units.filter((u) => u.parent_id === null);
  const kommuner = roots.filter((u) => u.kind === 'kommun');
  if (kommuner.length === 1) return kommuner[0]!.id;
  return roots.length === 1 ? roots[0]!.id : null;
}

/** The scope of a unit placed directly below `parentId`: grants on the parent (with sub-units) or above reach it. */
const below = async (db: Db, parentId: string): Promise<UnitScope> => ({ unitId: '', ancestorIds: (await unitScope(db, parentId)).ancestorIds });

export async function rightsOf(db: Db, grants: readonly Grant[], units: readonly UnitRef[]): Promise<ImportRights> {
  if (!canSomewhere(grants, 'systems:write')) throw new AppError('forbidden');
  const [write, manage, readable] = [
    await unitsInReach(db, reachOf(grants, 'systems:write')),
    await unitsInReach(db, reachOf(grants, 'org:manage')),
    await unitsInReach(db, reachOf(grants, 'systems:read')),
  ];
  const scopes = new Map<string, UnitScope>();
  for (const u of units) if (u.parent_id === null) scopes.set(u.id, await below(db, u.id));
  const under = (action: 'systems:write' | 'org:manage', rootId: string) => {
    const scope = scopes.get(rootId);
    return scope !== undefined && can(grants, action, scope);
  };
  return {
    rootId: defaultRootOf(units),
    canWrite: (unitId) => write === null || write.has(unitId),
    canWriteNew: (rootId) => under('systems:write', rootId),
    canCreateUnits: (rootId) => under('org:manage', rootId),
    canAddPeople: (unitId, rootId) => (unitId === null ? rootId !== null && under('org:manage', rootId) : manage === null || manage.has(unitId)),
    readable,
  };
}

/** Apply checks again: grants may have shrunk since the dry-run. */
export async function assertStillAllowed(
  db: Db,
  grants: readonly Grant[],
  s: { owners: readonly string[]; newUnitParents: readonly string[]; peopleHomes: readonly string[] },
): Promise<void> {
  const { owners, newUnitParents, peopleHomes } = s;
  if (!canSomewhere(grants, 'systems:write')) throw new AppError('forbidden');
  const write = await unitsInReach(db, reachOf(grants, 'systems:write'));
  if (write !== null && owners.some((u) => !write.has(u))) throw new AppError('forbidden');
  if (peopleHomes.length) {
    const manage = await unitsInReach(db, reachOf(grants, 'org:manage'));
    if (manage !== null && peopleHomes.some((u) => !manage.has(u))) throw new AppError('forbidden');
  }
  for (const parentId of new Set(newUnitParents)) {
    const scope = await below(db, parentId);
    if (!can(grants, 'org:manage', scope) || !can(grants, 'systems:write', scope)) throw new AppError('forbidden');
  }
}
