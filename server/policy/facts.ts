import type { EngineFindingKey, FindingKey, HolderKind } from '../../shared/policy.ts';
import type { Capacity, Condition, Severity, Text } from './schema.ts';

/**
 * What the engine knows about the world. Plain data, filled by the caller (modules/policy reads the
 * org tables; later the system register adds systems). No I/O here.
 */
export interface UnitFact {
  id: string;
  name: string;
  kind: string;
  function: string | null;
  parentId: string | null;
  status: 'active' | 'inactive';
}

export interface PersonFact {
  id: string;
  name: string;
  status: 'active' | 'disabled' | 'left';
}

/**
 * A supplier that holds a role somewhere, with the agreements that make it responsible: the systems it
 * has an agreement in force on (active or in its notice period, as dates.ts judges it on the day the facts
 * were read), and whether it has any agreement in force at all (for roles held on a unit or the kommun).
 */
export interface SupplierFact {
  id: string;
  name: string;
  /** The contacts that assignments name (a supplier holder may name one of its contacts). */
  contacts: Array<{ id: string; name: string }>;
  systemsWithAgreement: string[];
  agreementInForce: boolean;
}

/** A current role assignment. Organisation-wide roles are held on the kommun's root unit. */
export interface RoleAssignmentFact {
  roleKey: string;
  subjectKind: 'organisation' | 'unit' | 'system';
  subjectId: string;
  /** Who holds it: a person (people), an org unit (units) or a supplier (suppliers). */
  holderKind: HolderKind;
  holderId: string;
  /** A supplier holder's contact, if named. */
  contactId?: string | null;
}

export interface OrganisationFacts {
  units: UnitFact[];
  people: PersonFact[];
  /** Suppliers that hold roles (none when left out). */
  suppliers?: SupplierFact[];
  assignments: RoleAssignmentFact[];
}

/** A system (from the system register). null = not registered, which makes conditions on it unknown. */
export interface SystemFact {
  id: string;
  name: string;
  owningUnitId: string | null;
  insideNetwork: boolean | null;
  kommungemensamt: boolean | null;
  samhallsviktig: boolean | null;
}

/** The facts a condition may name, with their type. A pack naming any other fact does not validate. */
export const FACTS = {
  'system.insideNetwork': { type: 'boolean', of: (s: SystemFact) => s.insideNetwork },
  'system.kommungemensamt': { type: 'boolean', of: (s: SystemFact) => s.kommungemensamt },
  'system.samhallsviktig': { type: 'boolean', of: (s: SystemFact) => s.samhallsviktig },
} as const satisfies Record<string, { type: 'boolean' | 'string' | 'number'; of: (s: SystemFact) => boolean | string | number | null }>;
export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

/** Fact values for one evaluation; a missing or null value is unknown. */
export type FactValues = Partial<Record<string, boolean | string | number | null>>;

export function systemFactValues(system: SystemFact | null): FactValues {
  if (!system) return {};
  return Object.fromEntries(FACT_NAMES.map((name) => [name, FACTS[name].of(system)]));
}

// ——— Engine output ———

export type Party =
  | { type: 'unit'; id: string; name: string; kind: string }
  | { type: 'person'; id: string; name: string; roleKey: string; subjectId: string }
  /** A role held by an org unit (e.g. the IT unit as driftansvarig) or a supplier (with perhaps its contact). */
  | {
      type: 'holder';
      holderKind: 'unit' | 'supplier';
      id: string;
      name: string;
      roleKey: string;
      subjectId: string;
      contact: { id: string; name: string } | null;
    }
  | { type: 'collective'; key: 'employees' | 'role_holders'; roleKey: string | null; count: number | null };

/**
 * How a rule's party was found: resolved (parties listed), per_system (decided for each system, so
 * not at organisation level), or unresolved (the facts lack it: see the findings).
 */
export type Resolution = 'resolved' | 'per_system' | 'unresolved';

export interface Responsibility {
  ruleId: string;
  capacity: Capacity;
  /** true when the rule's condition depends on facts not known here (e.g. "for systems inside the network"). */
  conditional: boolean;
  when: Condition | null;
  resolution: Resolution;
  parties: Party[];
  through: { agreement?: string | undefined; role?: string | undefined } | null;
  explanation: Text;
}

export interface AreaResponsibilities {
  area: string;
  title: Text;
  responsibilities: Responsibility[];
}

/** The finding keys: the engine's and the system register's checks (register-checks.ts); written once in shared/. */
export type { EngineFindingKey, FindingKey };

export interface FindingSubject {
  kind: 'installation' | 'unit' | 'system' | 'person';
  id: string | null;
  name: string | null;
}

export interface Finding {
  key: FindingKey;
  severity: Severity;
  subject: FindingSubject;
  /** The rules this finding keeps from being satisfied (empty for role-catalogue checks). */
  ruleIds: string[];
  params: Record<string, string | number>;
  text: { sv: string; en: string };
}

export interface SubjectResult {
  areas: AreaResponsibilities[];
  findings: Finding[];
}

export interface OrganisationResult extends SubjectResult {
  kommun: { id: string; name: string };
}

export interface OrganisationsResult {
  organisations: OrganisationResult[];
  /** Findings not tied to one kommun (e.g. no kommun registered). */
  findings: Finding[];
}
