import { can, unitScopes } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { nextSeqCursor, presentEvent, seqBefore } from '../audit/index.ts';
import { getRoleCatalogue } from '../policy/index.ts';
import { readableSystem, readableSystemRefs, type Caller, type SystemRef } from './access.ts';
import { listSystemHistory } from './history-repository.ts';
import { presentHolder } from '../../platform/db/holders.ts';

type Json = Record<string, unknown>;
type Event = ReturnType<typeof presentEvent>;

const objectOf = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const sides = (e: Event): Json[] => [objectOf(e.before), objectOf(e.after)].filter((s): s is Json => s !== null);
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The other system a dependency event names (the system's own events only). */
const dependsOnIdOf = (e: Event): string | null => {
  if (e.entityType !== 'system') return null;
  const id = sides(e).find((s) => typeof s.dependsOnId === 'string')?.dependsOnId;
  return typeof id === 'string' ? id : null;
};

/** The units a system event names: the owning unit and the using units, before and after. */
const unitIdsOf = (e: Event): string[] =>
  e.entityType === 'system' ? sides(e).flatMap((s) => [...strings(s.owningUnitId), ...strings(s.usingUnitIds)]) : [];

/**
 * A system's history for everyone who may see the system (404 otherwise, as GET /api/systems/{id}):
 * changes of the system and of the roles on it, newest first. A role event names the role (in the
 * caller's language, from the pack in force; else its key) and who holds or held it (`holder`: a person,
 * a unit or a supplier; `person` too when it is a person).
 *
 * What an event names besides the system is shown as the caller may see it: a dependency event names
 * the other system (`dependsOn`) only when the caller may read it, else `dependsOn.visible` is false and
 * its id is null in before/after too; a unit the caller may not read (no org:read grant reaching it) that
 * is not one of the system's units today is null in owningUnitId/usingUnitIds. Role events name this
 * system and the person who held a role on it, whom the history shows by design.
 */
export async function getSystemHistory(ctx: Ctx, auth: Caller, id: string, page: { limit: number; cursor?: string | undefined }) {
  const beforeSeq = seqBefore(page.cursor);
  const readable = await readableSystem(ctx.db, auth, id, todayOf(ctx));
  if (!readable) throw new AppError('not_found');
  const [{ rows, hasMore }, catalogue] = await Promise.all([listSystemHistory(ctx.db, id, beforeSeq, page.limit), getRoleCatalogue(ctx)]);
  const roleNames = new Map(catalogue.map((r) => [r.key, r.name[ctx.locale]]));
  const events = rows.map((r) => ({ row: r, event: presentEvent(r) }));

  const systems = await readableSystemRefs(
    ctx,
    auth,
    events.map((e) => dependsOnIdOf(e.event)).filter((x): x is string => x !== null),
  );
  const own = new Set([readable.row.owning_unit_id, ...readable.using.map((u) => u.id)]);
  const named = [...new Set(events.flatMap((e) => unitIdsOf(e.event)))].filter((u) => !own.has(u));
  const units = new Set([
    ...own,
    ...(await unitScopes(ctx.db, named)).filter((scope) => can(auth.grants, 'org:read', scope)).map((scope) => scope.unitId),
  ]);

  return {
    items: events.map(({ row: r, event }) => {
      const dependsOnId = dependsOnIdOf(event);
      return {
        ...redact(event, (unitId) => units.has(unitId), dependsOnId !== null && !systems.has(dependsOnId)),
        role: r.role_key === null ? null : { key: r.role_key, name: roleNames.get(r.role_key) ?? r.role_key },
        person: r.principal_kind === 'person' && r.principal_id !== null ? { id: r.principal_id, name: r.holder_name ?? '' } : null,
        holder:
          r.principal_kind !== null && r.principal_id !== null
            ? presentHolder({ ...r, principal_kind: r.principal_kind, principal_id: r.principal_id })
            : null,
        dependsOn: dependsOnId === null ? null : dependsOnView(systems.get(dependsOnId)),
      };
    }),
    nextCursor: nextSeqCursor(rows, hasMore),
  };
}

const dependsOnView = (ref: SystemRef | undefined) =>
  ref ? { visible: true, ...ref } : { visible: false, id: null, registerNo: null, name: null };

/** The event with the ids the caller may not see set to null (a system event's units and other system). */
function redact(e: Event, unitVisible: (id: string) => boolean, hideDependsOn: boolean): Event {
  if (e.entityType !== 'system') return e;
  const side = (v: unknown): unknown => {
    const s = objectOf(v);
    if (!s) return v;
    const out: Json = { ...s };
    if (hideDependsOn && 'dependsOnId' in out) out.dependsOnId = null;
    if (typeof out.owningUnitId === 'string' && !unitVisible(out.owningUnitId)) out.owningUnitId = null;
    if (Array.isArray(out.usingUnitIds))
      out.usingUnitIds = out.usingUnitIds.map((u) => (typeof u === 'string' && !unitVisible(u) ? null : u));
    return out;
  };
  return { ...e, before: side(e.before), after: side(e.after) };
}
