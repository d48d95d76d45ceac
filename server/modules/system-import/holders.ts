import type { HolderKind } from '../../../shared/policy.ts';
import { unitLookup } from '../org/index.ts';
import { meansTheItUnit, meansTheSupplier, readsAsOrganisation, readsAsPersonName } from '../people/index.ts';
import type { PersonRef, UnitRef } from './plan-types.ts';
import { nameKey, type PersonMatch } from './resolve.ts';
import { memo } from './values.ts';

/**
 * How a name in a role cell is read (docs/SYSTEM-IMPORT.md, "Who holds a role"): the caller's holder mapping
 * first; then an org unit by name, code or external id; "IT-enheten", "IT-avdelningen", "IT" as the kommun's
 * unit marked as the IT unit; "Leverantör", "Leverantören", "Extern leverantör" as the row's supplier; a
 * supplier by name (registered, or named in the file's supplier column); a person by e-mail or name. What
 * matches nothing becomes a new person only when it reads as a person's name (or is an e-mail address whose
 * name does not read as an organisation); otherwise the role gets no holder from it and the dry-run asks for
 * a mapping. Pure: no I/O.
 */

/** How the caller says a name is to be read: a holder by kind and id, a new person, or no holder. */
export type HolderAs = { kind: HolderKind; id: string } | 'new_person' | 'vacant';
export interface HolderMapping {
  text: string;
  as: HolderAs;
}

/** Why a name became what it became (a message key under systemImport.holder.*). */
export type HolderReason =
  | 'mapped'
  | 'person'
  | 'unit_name'
  | 'it_unit'
  | 'row_supplier'
  | 'supplier_name'
  | 'person_new'
  | 'person_unknown'
  | 'person_left'
  | 'organisation'
  | 'unclear'
  | 'no_it_unit'
  | 'no_supplier'
  | 'kind_not_allowed'
  | 'mapped_vacant'
  | 'mapped_missing'
  | 'name_taken';

/** What one name in a role cell is, before the role's own rules (holder kinds, createMissing) are applied. */
export type Reading =
  | { became: 'person'; id: string; name: string; left: boolean; reason: 'person' | 'mapped' }
  | { became: 'unit'; id: string; name: string; reason: 'unit_name' | 'it_unit' | 'mapped' }
  | { became: 'supplier'; name: string; supplierName: string; reason: 'row_supplier' | 'supplier_name' | 'mapped'; id?: string }
  | { became: 'new_person'; key: string; name: string; email: string | null; mapped: boolean }
  | { became: 'vacant'; reason: 'organisation' | 'unclear' | 'no_it_unit' | 'no_supplier' | 'mapped_vacant' | 'mapped_missing' | 'name_taken' }
  | { became: 'ambiguous' };

export interface HolderWorld {
  units: readonly UnitRef[];
  people: readonly PersonRef[];
  /** Registered suppliers. */
  suppliers: ReadonlyArray<{ id: string; name: string }>;
  /** Name keys of the suppliers the file's supplier column names (created by the import if new). */
  fileSuppliers: ReadonlySet<string>;
  /**
   * Keys of names the file writes, somewhere, as a person's name ("Greta Nyström"): the same name in lower
   * case ("greta nyström") on another row is that person too.
   */
  personNames: ReadonlySet<string>;
  /** The kommun's IT unit (the unit marked it_unit below the file's kommun), if there is exactly one. */
  itUnit: UnitRef | null;
  mappings: readonly HolderMapping[];
}

/** The context of one row: its own supplier (the cell, else the only supplier of the system's agreements). */
export interface RowContext {
  supplier: string | null;
}

/**
 * A reader of role-cell names against one world. `person` is the register import's person matcher (e-mail,
 * name, "Berg, Anna"). The answer depends on the row only through its supplier, so what does not is read once
 * per name (a register repeats a few hundred names thousands of times).
 */
export function holderReader(world: HolderWorld, person: (text: string) => PersonMatch) {
  const unitExact = unitLookup(world.units);
  const unitById = new Map(world.units.map((u) => [u.id, u]));
  const personById = new Map(world.people.map((p) => [p.id, p]));
  const supplierById = new Map(world.suppliers.map((s) => [s.id, s]));
  const supplierByKey = new Map<string, { id: string; name: string }>();
  for (const s of world.suppliers) if (!supplierByKey.has(nameKey(s.name))) supplierByKey.set(nameKey(s.name), s);
  const mapped = new Map(world.mappings.map((m) => [nameKey(m.text), m.as]));
  // A new person never takes the name of a unit or a supplier.
  const taken = (name: string) => unitExact(name, ['name']) !== null || supplierByKey.has(nameKey(name)) || world.fileSuppliers.has(nameKey(name));

  /** What a name is whatever the row: a final reading, or one that the row's supplier may still take. */
  type Fixed = { final: Reading } | { supplierWord: true } | { key: string; rest: () => Reading };
  const fixed = memo((text: string): Fixed => {
    const key = nameKey(text);
    const as = mapped.get(key);
    if (as !== undefined) return { final: fromMapping(text, key, as) };
    const unit = unitExact(text, ['name', 'code', 'externalId']);
    if (unit && 'found' in unit) return { final: { became: 'unit', id: unit.found.id, name: unit.found.name, reason: 'unit_name' } };
    if (meansTheItUnit(text)) return { final: world.itUnit ? { became: 'unit', id: world.itUnit.id, name: world.itUnit.name, reason: 'it_unit' } : { became: 'vacant', reason: 'no_it_unit' } };
    if (meansTheSupplier(text)) return { supplierWord: true };
    let rest: Reading | undefined;
    return { key, rest: () => (rest ??= unmatched(text, key)) };
  });
  const rowSupplierKey = memo(nameKey);

  return (text: string, row: RowContext): Reading => {
    const f = fixed(text);
    if ('final' in f) return f.final;
    if ('supplierWord' in f) {
      return row.supplier ? { became: 'supplier', name: text, supplierName: row.supplier, reason: 'row_supplier' } : { became: 'vacant', reason: 'no_supplier' };
    }
    if (row.supplier && rowSupplierKey(row.supplier) === f.key) return { became: 'supplier', name: text, supplierName: row.supplier, reason: 'row_supplier' };
    return f.rest();
  };

  /** A supplier by name, a person, or what the name reads as. */
  function unmatched(text: string, key: string): Reading {
    const known = supplierByKey.get(key);
    if (known) return { became: 'supplier', name: text, supplierName: known.name, id: known.id, reason: 'supplier_name' };
    if (world.fileSuppliers.has(key)) return { became: 'supplier', name: text, supplierName: text.trim(), reason: 'supplier_name' };
    const m = person(text);
    if ('found' in m) return { became: 'person', id: m.found.id, name: m.found.name, left: m.found.status === 'left', reason: 'person' };
    if ('ambiguous' in m) return { became: 'ambiguous' };
    const { name, email } = m.unknown;
    if (readsAsOrganisation(name)) return { became: 'vacant', reason: 'organisation' };
    if (taken(name)) return { became: 'vacant', reason: 'name_taken' };
    if (email || readsAsPersonName(name) || world.personNames.has(m.unknown.key)) return { became: 'new_person', key: m.unknown.key, name, email, mapped: false };
    return { became: 'vacant', reason: 'unclear' };
  }

  function fromMapping(text: string, key: string, to: HolderAs): Reading {
    if (to === 'vacant') return { became: 'vacant', reason: 'mapped_vacant' };
    if (to === 'new_person') {
      const m = person(text);
      const unknown = 'unknown' in m ? m.unknown : { key: `name:${key}`, name: text.trim(), email: null };
      if (taken(unknown.name)) return { became: 'vacant', reason: 'name_taken' };
      return { became: 'new_person', key: unknown.key, name: unknown.name, email: unknown.email, mapped: true };
    }
    if (to.kind === 'unit') {
      const u = unitById.get(to.id);
      return u ? { became: 'unit', id: u.id, name: u.name, reason: 'mapped' } : { became: 'vacant', reason: 'mapped_missing' };
    }
    if (to.kind === 'supplier') {
      const s = supplierById.get(to.id);
      return s ? { became: 'supplier', name: text, supplierName: s.name, id: s.id, reason: 'mapped' } : { became: 'vacant', reason: 'mapped_missing' };
    }
    const p = personById.get(to.id);
    return p ? { became: 'person', id: p.id, name: p.name, left: p.status === 'left', reason: 'mapped' } : { became: 'vacant', reason: 'mapped_missing' };
  }
}

/**
 * The kommun's IT unit: the one unit marked it_unit below the file's kommun (or, without one, in the whole
 * installation); none when there are none or several.
 */
export function itUnitOf(units: readonly UnitRef[], rootId: string | null): UnitRef | null {
  const marked = units.filter((u) => u.function === 'it_unit');
  if (!marked.length) return null;
  const parent = new Map(units.map((u) => [u.id, u.parent_id]));
  const rootOf = (id: string) => {
    let at = id;
    for (let up = parent.get(at); up; up = parent.get(at)) at = up;
    return at;
  };
  const inKommun = rootId ? marked.filter((u) => rootOf(u.id) === rootId) : marked;
  return inKommun.length === 1 ? inKommun[0]! : null;
}

/** The keys of the unknown names the role cells write as a person's name (HolderWorld.personNames). */
export function personNamesOf(names: Iterable<string>, person: (text: string) => PersonMatch): Set<string> {
  const out = new Set<string>();
  for (const text of names) {
    const m = person(text);
    if ('unknown' in m && !m.unknown.email && readsAsPersonName(m.unknown.name)) out.add(m.unknown.key);
  }
  return out;
}
