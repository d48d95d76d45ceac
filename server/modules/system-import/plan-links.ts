import { ROLE_FIELDS, type RoleField } from './fields.ts';
import { messageAt } from './parse-row.ts';
import { firstStated, type AgreementOp, type Group, type PlanState, type SupplierPick, type WorkRow } from './plan-state.ts';
import type { RowMessage } from './plan-types.ts';
import { nameKey } from './resolve.ts';

/**
 * The holders of systemägare, systemförvaltare and driftansvarig as the rows name them: people, and where the
 * pack allows it org units and suppliers (holders.ts). A cell that names holders sets the role's holders
 * (those no longer named are ended today, new ones start today); "Vakant" ends every holder; an empty cell, or
 * one with a name that gives no holder (unknown, left, an organisation nothing matches), leaves the role as
 * it is. Returns the problem that stops the system, if any.
 */
export function planRoles(group: Group, state: PlanState): { row: WorkRow; message: RowMessage } | null {
  for (const f of Object.keys(ROLE_FIELDS) as RoleField[]) {
    const roleKey = ROLE_FIELDS[f];
    const withCell = group.rows.filter((w) => w.roles[f]);
    if (!withCell.length) continue;
    const info = state.input.roles.get(roleKey);
    if (!info?.forSystems) {
      withCell[0]!.notes.push(messageAt(withCell[0]!.roles[f]!.cell, 'systemImport.row.role_not_in_pack', { role: info?.name ?? roleKey }));
      continue;
    }
    const chosen = firstStated(group.rows, (w) => {
      const cell = w.roles[f];
      if (!cell) return null;
      const holders = w.holders[f];
      return { value: holders === null || holders === undefined ? `?${cell.cell.text}` : holders.map((p) => `${p.kind}:${p.id}`).sort().join(','), cell: cell.cell };
    });
    const row = withCell.find((w) => w.roles[f]!.cell === chosen!.cell)!;
    const picks = row.holders[f];
    if (picks === null || picks === undefined) continue;
    if (info.maxHolders !== null && picks.length > info.maxHolders) {
      return { row, message: messageAt(chosen!.cell, 'systemImport.row.too_many_holders', { role: info.name, max: info.maxHolders }) };
    }
    if (row.roles[f]!.vacant) row.notes.push(messageAt(chosen!.cell, 'systemImport.row.vacant', { role: info.name }));
    // A holder is the same when its kind and id are: a system whose driftansvarig is the IT unit and a file that says "IT-enheten" change nothing.
    const held = (group.existing?.holders ?? []).filter((h) => h.roleKey === roleKey);
    const wanted = new Set(picks.map((p) => `${p.kind}:${p.id}`));
    const ends = held.filter((h) => !wanted.has(`${h.kind}:${h.holderId}`));
    const starts = picks.filter((p) => !held.some((h) => h.kind === p.kind && h.holderId === p.id));
    group.roles.ends.push(...ends.map((h) => ({ assignmentId: h.assignmentId, roleKey, kind: h.kind, holderId: h.holderId, validFrom: h.validFrom })));
    group.roles.starts.push(...starts.map((holder) => ({ roleKey, holder })));
    if (ends.length || starts.length) group.changes.push(f);
  }
  return null;
}

/**
 * Leverantör and avtalets slutdatum: the supplier is matched by name (or created once for the whole
 * file), and the system's agreement with that supplier gets the end date; without one, an agreement is
 * created and linked. With several candidate agreements nothing is guessed.
 */
export function planAgreement(group: Group, state: PlanState): AgreementOp | null {
  const supplierCell = firstStated(group.rows, (w) => w.supplier);
  const endCell = firstStated(group.rows, (w) => w.agreementEnd);
  if (!supplierCell && !endCell) return null;
  const supplier = supplierCell ? supplierPick(state, supplierCell.value) : null;
  const endDate = endCell?.value ?? null;
  const create = (): AgreementOp => ({
    create: {
      supplier,
      endDate,
      kind: group.facts.hosting === 'saas' ? 'saas' : 'supplier_agreement',
      title: supplier ? state.titles.withSupplier(group.facts.name, supplier.name) : state.titles.withoutSupplier(group.facts.name),
    },
  });
  if (!group.existing) return create();
  const linked = group.existing.agreements.filter((a) => (supplier ? a.supplierId === supplier.id : true));
  if (linked.length === 0) return create();
  if (linked.length > 1) {
    if (endCell) group.rows.find((w) => w.agreementEnd === endCell)?.notes.push(messageAt(endCell.cell, 'systemImport.row.agreement_ambiguous'));
    return null;
  }
  const a = linked[0]!;
  return endDate && endDate !== a.endDate ? { update: { id: a.id, version: a.version, before: a.endDate, after: endDate } } : null;
}

/** The supplier of this name: a registered one, or one the file adds (created once, when a system imported uses it). */
export function supplierPick(state: PlanState, name: string): SupplierPick {
  const key = nameKey(name);
  let pick = state.suppliers.get(key);
  if (!pick) state.suppliers.set(key, (pick = { id: state.input.newId(), name, isNew: true }));
  return pick;
}
