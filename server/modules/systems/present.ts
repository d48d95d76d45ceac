import type { z } from 'zod';
import type { Pack } from '../../policy/schema.ts';
import { addMonths } from '../../policy/dates.ts';
import { svCompare } from '../../platform/text.ts';
import { presentHolder, type HolderColumns } from '../../platform/db/holders.ts';
import {
  formatRegisterNo, insideNetwork, type AuthMethod, type Criticality, type DataLocation, type Hosting, type Lifecycle,
  type PersonalData, type SystemKind,
} from './model.ts';
import type { SystemRow, SystemSummaryRow } from './repository.ts';
import type { SystemFactsInput, systemSchema, systemSummarySchema } from './schemas.ts';

export type SystemSummary = z.infer<typeof systemSummarySchema>;
export type SystemView = z.infer<typeof systemSchema>;
export type Holder = SystemSummary['holders'][number];

const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
const json = <T>(text: string): T => JSON.parse(text) as T;

export interface Cadence {
  default: number;
  samhallsviktig: number;
}

export const cadenceOf = (pack: Pack): Cadence => pack.settings.confirmationCadenceMonths;

/** When the record must next be confirmed: from the last confirmation (else registration), by the pack's cadence. */
export const confirmationDue = (r: Pick<SystemRow, 'confirmed_at' | 'created_at' | 'samhallsviktig'>, cadence: Cadence): string =>
  addMonths(r.confirmed_at ?? r.created_at, r.samhallsviktig === 1 ? cadence.samhallsviktig : cadence.default);

export function presentSummary(r: SystemSummaryRow, holders: Holder[], cadence: Cadence): SystemSummary {
  const hosting = r.hosting as Hosting | null;
  return {
    id: r.id,
    registerNo: formatRegisterNo(r.register_no),
    name: r.name,
    aliases: json<string[]>(r.aliases_json),
    kind: r.kind as SystemKind,
    owningUnit: { id: r.owning_unit_id, name: r.owning_unit_name },
    kommungemensamt: r.kommungemensamt === 1,
    lifecycle: r.lifecycle as Lifecycle,
    criticality: r.criticality as Criticality | null,
    samhallsviktig: bool(r.samhallsviktig),
    hosting,
    insideNetwork: insideNetwork(hosting),
    personalData: r.personal_data as PersonalData | null,
    userCount: r.user_count,
    holders,
    confirmedAt: r.confirmed_at,
    confirmationDue: confirmationDue(r, cadence),
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** The facts of a system as the audit trail records them and the edit form sends them. */
export function factsOf(r: SystemRow, usingUnitIds: string[]): SystemFactsInput {
  return {
    name: r.name,
    aliases: json<string[]>(r.aliases_json),
    kind: r.kind as SystemKind,
    description: r.description,
    purpose: r.purpose,
    owningUnitId: r.owning_unit_id,
    usingUnitIds,
    kommungemensamt: r.kommungemensamt === 1,
    criticality: r.criticality as Criticality | null,
    samhallsviktig: bool(r.samhallsviktig),
    hosting: r.hosting as Hosting | null,
    dataLocation: r.data_location as DataLocation | null,
    thirdCountryTransfer: bool(r.third_country_transfer),
    thirdCountryBasis: r.third_country_basis,
    personalData: r.personal_data as PersonalData | null,
    authMethod: r.auth_method as AuthMethod | null,
    userCount: r.user_count,
    links: json<Array<{ label: string; url: string }>>(r.links_json),
    note: r.note,
  };
}

const flag = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);

/** The columns that hold the facts (search_text and name_sort are derived by the caller from name and aliases). */
export const columnsOf = (f: SystemFactsInput) => ({
  name: f.name,
  aliases_json: JSON.stringify(f.aliases),
  kind: f.kind,
  description: f.description,
  purpose: f.purpose,
  owning_unit_id: f.owningUnitId,
  kommungemensamt: f.kommungemensamt ? 1 : 0,
  criticality: f.criticality,
  samhallsviktig: flag(f.samhallsviktig),
  hosting: f.hosting,
  data_location: f.dataLocation,
  third_country_transfer: flag(f.thirdCountryTransfer),
  third_country_basis: f.thirdCountryBasis,
  personal_data: f.personalData,
  auth_method: f.authMethod,
  user_count: f.userCount,
  links_json: JSON.stringify(f.links),
  note: f.note,
});

/** Only the fields that changed, before and after, for the audit trail; empty when nothing changed. */
export function diffFacts(before: SystemFactsInput, after: SystemFactsInput) {
  const fields = (Object.keys(after) as Array<keyof SystemFactsInput>).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  const pick = (f: SystemFactsInput) => Object.fromEntries(fields.map((k) => [k, f[k]]));
  return { fields, before: pick(before), after: pick(after) };
}

/** Holders by system id, from currentHolders rows: by role, then by the holder's name. */
export function holdersBySystem(rows: ReadonlyArray<HolderColumns & { subject_id: string; role_key: string }>): Map<string, Holder[]> {
  const map = new Map<string, Holder[]>();
  const sorted = [...rows].sort((a, b) =>
    a.role_key < b.role_key ? -1 : a.role_key > b.role_key ? 1 : svCompare(a.holder_name ?? '', b.holder_name ?? ''),
  );
  for (const r of sorted) {
    const list = map.get(r.subject_id) ?? [];
    list.push({ roleKey: r.role_key, holder: presentHolder(r) });
    map.set(r.subject_id, list);
  }
  return map;
}
