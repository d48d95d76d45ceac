import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Where a change came from, as text in the user's language. */
export function useOriginLabel() {
  const { t } = useTranslation();
  return useCallback(
    (origin: string): string => {
      switch (origin) {
        case 'ui':
          return t('audit.originUi');
        case 'api':
          return t('audit.originApi');
        case 'import':
          return t('audit.originImport');
        case 'system':
          return t('audit.originSystem');
        default:
          return origin;
      }
    },
    [t],
  );
}

/**
 * Entity types and actions are codes chosen by the server modules ("user", "user.invited").
 * Known ones have a translation under audit.entityTypes / audit.actions; others are shown as
 * the code itself.
 */
export function useCodeLabel(group: 'entityTypes' | 'actions') {
  const { t, i18n } = useTranslation();
  return useCallback(
    (code: string): string | null => {
      const key = `audit.${group}.${code}`;
      return i18n.exists(key) ? t(key) : null;
    },
    [t, i18n, group],
  );
}

/** The kinds of objects the trail records (the server's entity types), in the order the filter offers them. */
export const AUDIT_ENTITY_TYPES = [
  'system',
  'role_assignment',
  'classification',
  'system_requirement',
  'finding',
  'agreement',
  'supplier',
  'org_unit',
  'person',
  'system_import',
  'people_import',
  'access_role',
  'access_account',
  'access_grant',
  'access_import',
  'access_order',
  'access_review',
  'policy_pack',
  'user',
  'invite',
  'permission_grant',
  'setup_link',
] as const;

/** Where each entity type's field names are translated (the pages that edit them). */
const FIELD_GROUPS: Record<string, string> = {
  system: 'systems.fields',
  person: 'people.fields',
  agreement: 'agreements.fields',
  supplier: 'suppliers.fields',
  org_unit: 'org.fields',
};
/** A system's fields whose values are codes, with the group that translates them. */
const SYSTEM_ENUMS: Record<string, string> = {
  kind: 'systems.kind',
  lifecycle: 'systems.lifecycle',
  criticality: 'systems.criticality',
  hosting: 'systems.hosting',
  dataLocation: 'systems.dataLocation',
  personalData: 'systems.personalData',
  authMethod: 'systems.authMethod',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const isRecord = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/**
 * An update in words: "Driftform: Hos leverantören → Molntjänst" for each changed field the pages name;
 * a field holding ids says only that it changed; fields without a name are counted, not shown. Never JSON.
 */
export function useChangeWords() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (entityType: string, before: unknown, after: unknown): { lines: string[]; unnamed: number } => {
      if (!isRecord(after)) return { lines: [], unnamed: 0 };
      const old = isRecord(before) ? before : {};
      const group = FIELD_GROUPS[entityType];
      const lines: string[] = [];
      let unnamed = 0;
      const value = (field: string, v: unknown): string => {
        if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('common.none');
        if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
        const codes = entityType === 'system' ? SYSTEM_ENUMS[field] : undefined;
        if (codes && typeof v === 'string' && i18n.exists(`${codes}.${v}`)) return t(`${codes}.${v}`);
        if (typeof v === 'string' || typeof v === 'number') return String(v);
        return t('common.none');
      };
      for (const field of Object.keys(after)) {
        if (same(old[field], after[field])) continue;
        const key = group ? `${group}.${field}` : '';
        if (!group || !i18n.exists(key)) {
          unnamed += 1;
          continue;
        }
        const label = t(key);
        const v = after[field] ?? old[field];
        const plain = (x: unknown) => x === null || x === undefined || typeof x !== 'object';
        if (/Ids?$/.test(field) || !plain(v) || (Array.isArray(v) && v.some((x) => !plain(x)))) lines.push(t('systems.history.changedNoValues', { field: label }));
        else lines.push(t('systems.history.change', { field: label, from: value(field, old[field]), to: value(field, after[field]) }));
      }
      return { lines, unnamed };
    },
    [t, i18n],
  );
}
