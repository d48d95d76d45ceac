import { CRITICALITIES, HOSTINGS, LIFECYCLES, SYSTEM_SORTS, type SystemsFilter } from '../../api/systems.ts';

/** The list's filter and sort as the URL query holds them, so links, reloads and Back keep them. */
export interface ListValues {
  q: string;
  unitId: string;
  lifecycle: string;
  hosting: string;
  criticality: string;
  /** '', 'true' or 'false'. */
  samhallsviktig: string;
  kommungemensamt: string;
  /** '', 'true' (with open findings) or 'false' (without). */
  withFindings: string;
  sort: SystemsFilter['sort'];
  dir: SystemsFilter['dir'];
}

export const EMPTY_FILTER: Omit<ListValues, 'sort' | 'dir'> = {
  q: '',
  unitId: '',
  lifecycle: '',
  hosting: '',
  criticality: '',
  samhallsviktig: '',
  kommungemensamt: '',
  withFindings: '',
};

const oneOf = (value: string | null, allowed: readonly string[]): string => (value && allowed.includes(value) ? value : '');

export function readListValues(params: URLSearchParams): ListValues {
  const sort = oneOf(params.get('sort'), SYSTEM_SORTS) || 'name';
  return {
    q: params.get('q') ?? '',
    unitId: params.get('unitId') ?? '',
    lifecycle: oneOf(params.get('lifecycle'), LIFECYCLES),
    hosting: oneOf(params.get('hosting'), [...HOSTINGS, 'unknown']),
    criticality: oneOf(params.get('criticality'), [...CRITICALITIES, 'unknown']),
    samhallsviktig: oneOf(params.get('samhallsviktig'), ['true', 'false']),
    kommungemensamt: oneOf(params.get('kommungemensamt'), ['true', 'false']),
    withFindings: oneOf(params.get('withFindings'), ['true', 'false']),
    sort: sort as SystemsFilter['sort'],
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** Only what differs from the defaults goes into the URL. */
export function writeListValues(values: ListValues): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of Object.keys(EMPTY_FILTER) as (keyof typeof EMPTY_FILTER)[]) {
    const value = values[key].trim();
    if (value) search.set(key, value);
  }
  if (values.sort !== 'name') search.set('sort', values.sort);
  if (values.dir !== 'asc') search.set('dir', values.dir);
  return search;
}

const bool = (value: string): boolean | undefined => (value === '' ? undefined : value === 'true');

export function toFilter(values: ListValues): SystemsFilter {
  return {
    q: values.q || undefined,
    unitId: values.unitId || undefined,
    lifecycle: (values.lifecycle || undefined) as SystemsFilter['lifecycle'],
    hosting: (values.hosting || undefined) as SystemsFilter['hosting'],
    criticality: (values.criticality || undefined) as SystemsFilter['criticality'],
    samhallsviktig: bool(values.samhallsviktig),
    kommungemensamt: bool(values.kommungemensamt),
    withFindings: bool(values.withFindings),
    sort: values.sort,
    dir: values.dir,
  };
}

export const isFiltered = (values: ListValues): boolean =>
  (Object.keys(EMPTY_FILTER) as (keyof typeof EMPTY_FILTER)[]).some((key) => values[key] !== '');
