import { z } from 'zod';
import { assertCan, type Grant } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import { isCurrent } from '../../platform/db/validity.ts';
import { fold } from '../../platform/text.ts';
import { meansTheItUnit, meansTheSupplier, readsAsOrganisation } from '../people/index.ts';
import { getRoleCatalogue } from '../policy/index.ts';
import { activeUnits, allSuppliers, openAssignmentsOfPeople, peopleBatch, peopleWithAccounts, suppliersOfSystems } from './repository.ts';
import type { RepairTarget, Suspect } from './schemas.ts';

const cursorSchema = z.object({ n: z.string(), id: z.string() });
/** People are read this many at a time while a page of suspects fills. */
const BATCH = 500;

/** Names compared without case and spaces: "IT-enheten", "it-Enheten ", "CGI" = "cgi". */
export const nameKey = (name: string): string => fold(name.normalize('NFC')).replace(/\s+/g, '');

/**
 * GET /api/maintenance/suspect-people: people (not left) whose name equals an org unit's or a supplier's
 * (without case and spaces), or reads as an organisation (people/holder-names.ts), in name order,
 * keyset-paginated. Each with why, the suggested target and their open role assignments. Needs org:manage
 * over the whole installation (an administrator): the repair reaches every unit, supplier and system.
 */
export async function listSuspects(ctx: Ctx, grants: readonly Grant[], q: { limit: number; cursor?: string | undefined }): Promise<{ items: Suspect[]; nextCursor: string | null }> {
  assertCan(grants, 'org:manage');
  let after = decodeCursor(q.cursor, cursorSchema);
  const [units, suppliers, catalogue] = await Promise.all([activeUnits(ctx.db), allSuppliers(ctx.db), getRoleCatalogue(ctx)]);
  const unitsByKey = groupBy(units, (u) => nameKey(u.name));
  const suppliersByKey = groupBy(suppliers, (s) => nameKey(s.name));
  const itUnits = units.filter((u) => u.function === 'it_unit');

  type Found = { row: Awaited<ReturnType<typeof peopleBatch>>[number]; reasons: Suspect['reasons']; target: RepairTarget | null; supplierWord: boolean };
  const found: Found[] = [];
  for (;;) {
    const batch = await peopleBatch(ctx.db, after, BATCH);
    for (const row of batch) {
      const key = nameKey(row.name);
      const reasons: Suspect['reasons'] = [];
      const unitMatches = unitsByKey.get(key) ?? [];
      const supplierMatches = suppliersByKey.get(key) ?? [];
      for (const u of unitMatches) reasons.push({ kind: 'unit', name: u.name });
      for (const s of supplierMatches) reasons.push({ kind: 'supplier', name: s.name });
      if (!reasons.length && readsAsOrganisation(row.name)) reasons.push({ kind: 'organisation', name: null });
      if (!reasons.length) continue;
      let target: RepairTarget | null = null;
      if (unitMatches.length === 1) target = { kind: 'unit', id: unitMatches[0]!.id, name: unitMatches[0]!.name };
      else if (!unitMatches.length && supplierMatches.length === 1) target = { kind: 'supplier', id: supplierMatches[0]!.id, name: supplierMatches[0]!.name };
      else if (!unitMatches.length && !supplierMatches.length && meansTheItUnit(row.name) && itUnits.length === 1) {
        target = { kind: 'unit', id: itUnits[0]!.id, name: itUnits[0]!.name };
      }
      found.push({ row, reasons, target, supplierWord: !unitMatches.length && !supplierMatches.length && meansTheSupplier(row.name) });
      if (found.length > q.limit) break;
    }
    if (found.length > q.limit || batch.length < BATCH) break;
    const last = batch[batch.length - 1]!;
    after = { n: last.name_sort, id: last.id };
  }
  const page = found.slice(0, q.limit);
  const hasMore = found.length > q.limit;

  const ids = page.map((f) => f.row.id);
  const today = todayOf(ctx);
  const [assignments, withAccounts] = await Promise.all([openAssignmentsOfPeople(ctx.db, ids, today), peopleWithAccounts(ctx.db, ids)]);
  // "Leverantör": each system's own supplier, where its agreements name exactly one.
  const systemIds = [...new Set(assignments.filter((a) => a.subject_kind === 'system').map((a) => a.subject_id))];
  const supplierOf = new Map<string, RepairTarget | null>();
  for (const r of await suppliersOfSystems(ctx.db, systemIds)) {
    supplierOf.set(r.system_id, supplierOf.has(r.system_id) ? null : { kind: 'supplier', id: r.supplier_id, name: r.supplier_name });
  }
  const roles = new Map(catalogue.map((r) => [r.key, r]));

  const items = page.map(({ row, reasons, target, supplierWord }): Suspect => {
    const own = assignments
      .filter((a) => a.principal_id === row.id)
      .map((a) => {
        const role = roles.get(a.role_key);
        const suggested = supplierWord ? (a.subject_kind === 'system' ? (supplierOf.get(a.subject_id) ?? null) : null) : target;
        return {
          id: a.id,
          roleKey: a.role_key,
          roleName: role?.name[ctx.locale] ?? a.role_key,
          subjectKind: a.subject_kind,
          subjectId: a.subject_id,
          subjectName: a.subject_name ?? '',
          validFrom: a.valid_from,
          validTo: a.valid_to,
          current: isCurrent(a, today),
          holderKinds: role ? [...role.holderKinds] : [],
          suggestedTarget: suggested,
        };
      });
    // For "Leverantör": one suggestion for all when every role's system has the same supplier.
    let suggestedTarget = target;
    if (supplierWord) {
      const distinct = new Set(own.map((a) => (a.suggestedTarget ? a.suggestedTarget.id : '')));
      suggestedTarget = own.length && distinct.size === 1 && own[0]!.suggestedTarget ? own[0]!.suggestedTarget : null;
    }
    return {
      id: row.id,
      name: row.name,
      version: row.version,
      homeUnit: row.home_unit_id ? { id: row.home_unit_id, name: row.home_unit_name ?? '' } : null,
      reasons,
      suggestedTarget,
      linkedToUser: withAccounts.has(row.id),
      assignments: own,
    };
  });
  const last = page[page.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor({ n: last.row.name_sort, id: last.row.id }) : null };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
