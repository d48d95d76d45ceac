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

export const DEFAULT_COLUMNS: readonly Column[] = ['registerNo', 'owningUnit', 'systemOwner', 'lifecycle', 'criticality', 'hosting', 'confirmation'];

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

function load(): Column[] {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(saved)) return COLUMNS.filter((c) => saved.includes(c));
  } catch {
    // unreadable or blocked storage: use the defaults
  }
  return [...DEFAULT_COLUMNS];
}

/** The columns the user chose, remembered in this browser (localStorage). */
export function useColumns() {
  const [columns, setColumns] = useState<Column[]>(load);
  const toggle = useCallback((column: Column, shown: boolean) => {
    setColumns((current) => {
      const next = COLUMNS.filter((c) => (c === column ? shown : current.includes(c)));
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
