import type { Hosting, Lifecycle } from '../../../shared/systems.ts';
import { fold } from '../../platform/text.ts';

/**
 * The system register's rules over its vocabulary (the enumerations live in shared/systems.ts, which
 * the web app uses too). Pure: no I/O.
 */
export {
  AUTH_METHODS,
  CRITICALITIES,
  DATA_LOCATIONS,
  HOSTINGS,
  LIFECYCLES,
  PERSONAL_DATA,
  SYSTEM_KINDS,
  type AuthMethod,
  type Criticality,
  type DataLocation,
  type Hosting,
  type Lifecycle,
  type PersonalData,
  type SystemKind,
} from '../../../shared/systems.ts';

/** The transitions allowed from each state. `retired` is final; nothing is ever deleted. */
export const TRANSITIONS: Record<Lifecycle, readonly Lifecycle[]> = {
  planned: ['implementing', 'in_operation', 'retired'],
  implementing: ['planned', 'in_operation', 'retired'],
  in_operation: ['retiring'],
  retiring: ['in_operation', 'retired'],
  retired: [],
};

/**
 * The first two hosting models are inside the municipal network: the fact that decides overall
 * responsibility in the seed policy (kommunstyrelsen inside, the owning nämnd outside).
 */
const INSIDE: ReadonlySet<Hosting> = new Set(['internal_it', 'internal_supplier']);

/** Inside the municipal network, from the hosting model; null when the hosting is not known. */
export const insideNetwork = (hosting: Hosting | null): boolean | null => (hosting === null ? null : INSIDE.has(hosting));

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
