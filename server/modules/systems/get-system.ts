import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getActivePack } from '../policy/index.ts';
import { canEdit, readableSystem, visibilityOf, type Caller } from './access.ts';
import { todayOf } from '../../platform/dates.ts';
import { formatRegisterNo, TRANSITIONS, type Lifecycle } from './model.ts';
import { cadenceOf, holdersBySystem, presentSummary, type SystemView } from './present.ts';
import { currentHolders, dependenciesOf } from './repository.ts';
import { roleSlotsOf } from './role-slots.ts';

/**
 * One system with its using units, dependencies both ways, current role holders, the roles the pack names for
 * systems (required or not) and what the caller may do.
 */
export async function getSystem(ctx: Ctx, auth: Caller, id: string): Promise<SystemView> {
  const today = todayOf(ctx);
  const readable = await readableSystem(ctx.db, auth, id, today);
  if (!readable) throw new AppError('not_found');
  const { row, using } = readable;
  const visibility = await visibilityOf(ctx, auth);
  const [{ pack }, holders, deps] = await Promise.all([
    getActivePack(ctx),
    currentHolders(ctx.db, [id], today),
    dependenciesOf(ctx.db, id, visibility),
  ]);
  // The caller's person, when visibilityOf looked it up (it does not for installation-wide readers).
  const personId = visibility.reach.all ? undefined : visibility.personId;
  const roles = await roleSlotsOf(ctx.db, pack, row, holders, today, ctx.locale);
  const editable = row.lifecycle !== 'retired' && (await canEdit(ctx.db, auth, row, { today, editorRoles: pack.settings.systemEditors, personId }));
  const ref = (d: (typeof deps.dependencies)[number]) => ({
    id: d.id,
    registerNo: formatRegisterNo(d.register_no),
    name: d.name,
    lifecycle: d.lifecycle as Lifecycle,
    description: d.description,
  });
  return {
    ...presentSummary(row, holdersBySystem(holders).get(id) ?? [], cadenceOf(pack)),
    description: row.description,
    purpose: row.purpose,
    usingUnits: using,
    dataLocation: row.data_location as SystemView['dataLocation'],
    thirdCountryTransfer: row.third_country_transfer === null ? null : row.third_country_transfer === 1,
    thirdCountryBasis: row.third_country_basis,
    authMethod: row.auth_method as SystemView['authMethod'],
    links: JSON.parse(row.links_json) as SystemView['links'],
    note: row.note,
    confirmedBy: row.confirmed_by ? { id: row.confirmed_by, name: row.confirmed_by_name ?? '' } : null,
    retiredAt: row.retired_at,
    createdAt: row.created_at,
    dependencies: deps.dependencies.map(ref),
    dependents: deps.dependents.map(ref),
    roles,
    transitions: editable ? [...TRANSITIONS[row.lifecycle as Lifecycle]] : [],
    can: { edit: editable, confirm: editable },
  };
}
