import { fold } from '../../platform/text.ts';

/**
 * The system register's vocabulary: every enumeration is stored as its English code; the web app and
 * the import translate them (sv/en). Pure: no I/O.
 */

export const SYSTEM_KINDS = ['business', 'e_service', 'program', 'integration', 'infrastructure'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

/** planerad → under införande → i drift → under avveckling → avvecklad. */
export const LIFECYCLES = ['planned', 'implementing', 'in_operation', 'retiring', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** The transitions allowed from each state. `retired` is final; nothing is ever deleted. */
export const TRANSITIONS: Record<Lifecycle, readonly Lifecycle[]> = {
  planned: ['implementing', 'in_operation', 'retired'],
  implementing: ['planned', 'in_operation', 'retired'],
  in_operation: ['retiring'],
  retiring: ['in_operation', 'retired'],
  retired: [],
};

export const CRITICALITIES = ['low', 'medium', 'high'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/**
 * Hosting models. The first two are inside the municipal network: the fact that decides overall
 * responsibility in the seed policy (kommunstyrelsen inside, the owning nämnd outside).
 */
export const HOSTINGS = ['internal_it', 'internal_supplier', 'supplier_hosted', 'saas', 'cloud_tenant', 'public_body'] as const;
export type Hosting = (typeof HOSTINGS)[number];
const INSIDE: ReadonlySet<Hosting> = new Set(['internal_it', 'internal_supplier']);

/** Inside the municipal network, from the hosting model; null when the hosting is not known. */
export const insideNetwork = (hosting: Hosting | null): boolean | null => (hosting === null ? null : INSIDE.has(hosting));

export const DATA_LOCATIONS = ['sweden', 'eu_eea', 'third_country'] as const;
export type DataLocation = (typeof DATA_LOCATIONS)[number];

export const PERSONAL_DATA = ['none', 'personal', 'sensitive'] as const;
export type PersonalData = (typeof PERSONAL_DATA)[number];

export const AUTH_METHODS = ['sso', 'directory', 'local_accounts', 'eid', 'none', 'other'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** SYS-0042: the register number as people write it. */
export const formatRegisterNo = (n: number): string => `SYS-${String(n).padStart(4, '0')}`;

/** "SYS-0042", "sys 42", "42" → 42; anything else → null. */
export function parseRegisterNo(text: string): number | null {
  const m = /^\s*(?:sys[-\s]?)?0*(\d{1,9})\s*$/i.exec(text);
  return m ? Number(m[1]) : null;
}

/** What search matches: name, aliases and the register number, folded. */
export const searchTextOf = (name: string, aliases: readonly string[], registerNo: number): string =>
  [name, ...aliases, formatRegisterNo(registerNo)].map(fold).join('\n');
