import { useCallback, useState } from 'react';
import type { SystemSort } from '../../api/systems.ts';

/** Optional columns of the register; the name is always shown. */
export const COLUMNS = [
  'registerNo',
  'owningUnit',
  'systemOwner',
  'systemManager',
  'lifecycle',
  'criticality',
  'hosting',
  'samhallsviktig',
  'kommungemensamt',
  'personalData',
  'userCount',
  'confirmation',
  'updatedAt',
] as const;
export type Column = (typeof COLUMNS)[number];

export const DEFAULT_COLUMNS: readonly Column[] = [
  'registerNo',
  'owningUnit',
  'systemOwner',
  'lifecycle',
  'criticality',
  'hosting',
  'confirmation',
];

/** The role whose current holders a column shows. */
export const HOLDER_COLUMNS = { systemOwner: 'systemagare', systemManager: 'systemforvaltare' } as const;
export const HOLDER_COLUMN_KEYS = Object.keys(HOLDER_COLUMNS) as Array<keyof typeof HOLDER_COLUMNS>;

/** Columns whose header sorts the list on the server, and by what. */
export const SORT_OF: Partial<Record<Column | 'name', SystemSort>> = {
  name: 'name',
  registerNo: 'registerNo',
  confirmation: 'confirmedAt',
  updatedAt: 'updatedAt',
};

const STORAGE_KEY = 'ansvar.systems.columns';

/** The columns a saved choice names, in the table's order; the defaults when nothing usable was saved. */
export function chosenColumns(saved: unknown): Column[] {
  return Array.isArray(saved) ? COLUMNS.filter((c) => saved.includes(c)) : [...DEFAULT_COLUMNS];
}

/** The choice with one column shown or hidden, in the table's order. */
export const withColumn = (current: readonly Column[], column: Column, shown: boolean): Column[] =>
  COLUMNS.filter((c) => (c === column ? shown : current.includes(c)));

function load(): Column[] {
  try {
    return chosenColumns(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null'));
  } catch {
    // unreadable or blocked storage: use the defaults
    return [...DEFAULT_COLUMNS];
  }
}

/** The columns the user chose, remembered in this browser (localStorage). */
export function useColumns() {
  const [columns, setColumns] = useState<Column[]>(load);
  const toggle = useCallback((column: Column, shown: boolean) => {
    setColumns((current) => {
      const next = withColumn(current, column, shown);
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // storage full or blocked: the choice lasts until the page is left
      }
      return next;
    });
  }, []);
  return { columns, toggle };
}
