import { useCallback, useState } from 'react';
import { ApiError, isApiError } from '../../api/client.ts';
import type { SummaryItem } from '../../components/FormErrorSummary.tsx';
import type { SystemFacts, System, SystemInput } from '../../api/systems.ts';

/** The form's state: text as typed, selects as their option value ('' = not set). */
export interface SystemValues {
  name: string;
  /** One per line. */
  aliases: string;
  kind: string;
  description: string;
  purpose: string;
  owningUnitId: string;
  usingUnitIds: string[];
  kommungemensamt: boolean;
  criticality: string;
  /** '', 'true' or 'false'. */
  samhallsviktig: string;
  hosting: string;
  dataLocation: string;
  thirdCountryTransfer: string;
  thirdCountryBasis: string;
  personalData: string;
  authMethod: string;
  userCount: string;
  links: { label: string; url: string }[];
  note: string;
  lifecycle: 'planned' | 'implementing';
}

/** The fields in the order the form shows them (the error summary follows it). */
export const FIELD_ORDER = [
  'name',
  'aliases',
  'kind',
  'lifecycle',
  'description',
  'purpose',
  'owningUnitId',
  'usingUnitIds',
  'kommungemensamt',
  'criticality',
  'samhallsviktig',
  'personalData',
  'userCount',
  'hosting',
  'dataLocation',
  'thirdCountryTransfer',
  'thirdCountryBasis',
  'authMethod',
  'links',
  'note',
] as const;
export type FactField = Exclude<(typeof FIELD_ORDER)[number], 'lifecycle'>;

export const EMPTY_SYSTEM: SystemValues = {
  name: '',
  aliases: '',
  kind: '',
  description: '',
  purpose: '',
  owningUnitId: '',
  usingUnitIds: [],
  kommungemensamt: false,
  criticality: '',
  samhallsviktig: '',
  hosting: '',
  dataLocation: '',
  thirdCountryTransfer: '',
  thirdCountryBasis: '',
  personalData: '',
  authMethod: '',
  userCount: '',
  links: [],
  note: '',
  lifecycle: 'planned',
};

const tri = (v: boolean | null): string => (v === null ? '' : String(v));
const fromTri = (v: string): boolean | null => (v === '' ? null : v === 'true');
const textOrNull = (v: string): string | null => v.trim() || null;

export function valuesOf(system: System): SystemValues {
  return {
    name: system.name,
    aliases: system.aliases.join('\n'),
    kind: system.kind,
    description: system.description ?? '',
    purpose: system.purpose ?? '',
    owningUnitId: system.owningUnit.id,
    usingUnitIds: system.usingUnits.map((u) => u.id),
    kommungemensamt: system.kommungemensamt,
    criticality: system.criticality ?? '',
    samhallsviktig: tri(system.samhallsviktig),
    hosting: system.hosting ?? '',
    dataLocation: system.dataLocation ?? '',
    thirdCountryTransfer: tri(system.thirdCountryTransfer),
    thirdCountryBasis: system.thirdCountryBasis ?? '',
    personalData: system.personalData ?? '',
    authMethod: system.authMethod ?? '',
    userCount: system.userCount === null ? '' : String(system.userCount),
    links: system.links.map((l) => ({ ...l })),
    note: system.note ?? '',
    lifecycle: 'planned',
  };
}

/** Link rows with anything in them, and which row each sent link came from (to place the server's errors). */
export function sentLinks(values: SystemValues): { links: SystemFacts['links']; rows: number[] } {
  const rows: number[] = [];
  const links: SystemFacts['links'] = [];
  values.links.forEach((link, index) => {
    if (!link.label.trim() && !link.url.trim()) return;
    rows.push(index);
    links.push({ label: link.label.trim(), url: link.url.trim() });
  });
  return { links, rows };
}

export function factsOf(values: SystemValues): SystemFacts {
  return {
    name: values.name.trim(),
    aliases: values.aliases
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean),
    kind: values.kind as SystemFacts['kind'],
    description: textOrNull(values.description),
    purpose: textOrNull(values.purpose),
    owningUnitId: values.owningUnitId,
    usingUnitIds: values.usingUnitIds,
    kommungemensamt: values.kommungemensamt,
    criticality: (values.criticality || null) as SystemFacts['criticality'],
    samhallsviktig: fromTri(values.samhallsviktig),
    hosting: (values.hosting || null) as SystemFacts['hosting'],
    dataLocation: (values.dataLocation || null) as SystemFacts['dataLocation'],
    thirdCountryTransfer: fromTri(values.thirdCountryTransfer),
    thirdCountryBasis: textOrNull(values.thirdCountryBasis),
    personalData: (values.personalData || null) as SystemFacts['personalData'],
    authMethod: (values.authMethod || null) as SystemFacts['authMethod'],
    userCount: values.userCount.trim() === '' ? null : Number(values.userCount.trim()),
    links: sentLinks(values).links,
    note: textOrNull(values.note),
  };
}

export const inputOf = (values: SystemValues): SystemInput => ({ ...factsOf(values), lifecycle: values.lifecycle });

/** Facts that differ between two versions (JSON comparison; lists compare in order). */
export function changedFields(a: SystemFacts, b: SystemFacts): FactField[] {
  const norm = (f: SystemFacts, k: FactField) => JSON.stringify(k === 'usingUnitIds' ? [...f.usingUnitIds].sort() : f[k]);
  return (FIELD_ORDER.filter((k) => k !== 'lifecycle') as FactField[]).filter((k) => norm(a, k) !== norm(b, k));
}

/** Checks in the browser what needs no server; the server validates everything again. */
export function validateSystem(values: SystemValues, t: (key: string) => string): Record<string, string> {
  const found: Record<string, string> = {};
  if (!values.name.trim()) found.name = t('systems.validation.nameRequired');
  if (!values.kind) found.kind = t('systems.validation.kindRequired');
  if (!values.owningUnitId) found.owningUnitId = t('systems.validation.unitRequired');
  if (values.userCount.trim() && !/^\d+$/.test(values.userCount.trim())) found.userCount = t('systems.validation.userCount');
  return found;
}

/**
 * Server field paths ("name", "links.0.url", "aliases.2") → the form's error keys: link fields keep
 * their row (remapped from the sent list to the form's rows), other lists point at the list's field.
 */
export function errorKeyOf(path: string, linkRows: number[]): string | null {
  const parts = path.split(/[./]/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  const [head, index, leaf] = parts;
  if (!head || !(FIELD_ORDER as readonly string[]).includes(head)) return null;
  if (head === 'links' && index !== undefined && /^\d+$/.test(index)) {
    const row = linkRows[Number(index)] ?? Number(index);
    return leaf === 'label' || leaf === 'url' ? `links.${row}.${leaf}` : `links.${row}.url`;
  }
  return head;
}

const orderOf = (key: string) => (FIELD_ORDER as readonly string[]).indexOf(key.split('.')[0] ?? key);

export interface SystemFormErrors {
  fields: Record<string, string>;
  other: string[];
  general: string | null;
  /** The server's error code behind `general` (kommun_missing: the message links to the start page). */
  generalCode: string | null;
  attempt: number;
}

/** Field errors keyed by field path, for forms whose fields include lists (links, using units). */
export function useSystemFormErrors(prefix: string, labelOf: (key: string) => string) {
  const [state, setState] = useState<SystemFormErrors>({ fields: {}, other: [], general: null, generalCode: null, attempt: 0 });
  const id = useCallback((key: string) => `${prefix}-${key.replaceAll('.', '-')}`, [prefix]);

  const showClientErrors = useCallback((fields: Record<string, string>) => {
    setState((s) => ({ fields, other: [], general: null, generalCode: null, attempt: s.attempt + 1 }));
  }, []);

  const showApiError = useCallback((error: unknown, fallback: string, linkRows: number[] = []) => {
    const fields: Record<string, string> = {};
    const other: string[] = [];
    let general: string | null = null;
    if (isApiError(error) && Object.keys(error.fields).length > 0) {
      for (const [path, message] of Object.entries(error.fields)) {
        const key = errorKeyOf(path, linkRows);
        if (key) fields[key] ??= message;
        else other.push(message);
      }
    } else {
      general = error instanceof ApiError ? error.message : fallback;
    }
    const generalCode = general !== null && isApiError(error) ? error.code : null;
    setState((s) => ({ fields, other, general, generalCode, attempt: s.attempt + 1 }));
  }, []);

  const clear = useCallback(() => setState((s) => ({ ...s, fields: {}, other: [], general: null, generalCode: null })), []);

  const summary: SummaryItem[] = [
    ...Object.keys(state.fields)
      .sort((a, b) => orderOf(a) - orderOf(b) || a.localeCompare(b))
      .map((key) => ({ fieldId: id(key), message: `${labelOf(key)}: ${state.fields[key] as string}` })),
    ...state.other.map((message) => ({ message })),
  ];

  return { ...state, summary, id, showClientErrors, showApiError, clear };
}

export type SystemFormErrorState = ReturnType<typeof useSystemFormErrors>;
