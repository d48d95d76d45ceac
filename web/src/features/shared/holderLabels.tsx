import { Link } from '@digdir/designsystemet-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { HolderKind, RoleHolder } from '../../api/org.ts';
import { usePersonStatusLabel } from './personLabels.ts';

/** The page of a role holder: a person's, a unit's or a supplier's. */
export function holderPath(holder: Pick<RoleHolder, 'kind' | 'id'>): string {
  const id = encodeURIComponent(holder.id);
  switch (holder.kind) {
    case 'person':
      return `/people/${id}`;
    case 'unit':
      return `/organisation/${id}`;
    case 'supplier':
      return `/suppliers/${id}`;
  }
}

/**
 * A role holder in running text: a person by name, a unit as "IT-enheten (enhet)", a supplier as
 * "CGI (leverantör)", with its contact person when one is named.
 */
export function useHolderName() {
  const { t } = useTranslation();
  return useCallback(
    (holder: Pick<RoleHolder, 'kind' | 'name' | 'contact'>): string => {
      switch (holder.kind) {
        case 'person':
          return holder.name;
        case 'unit':
          return t('unitRoles.holder.unit', { name: holder.name });
        case 'supplier':
          return holder.contact
            ? t('unitRoles.holder.supplierWithContact', { name: holder.name, contact: holder.contact.name })
            : t('unitRoles.holder.supplier', { name: holder.name });
      }
    },
    [t],
  );
}

/** What kind of holder, as a label ("Person", "Organisationsenhet", "Leverantör"). */
export function useHolderKindLabel() {
  const { t } = useTranslation();
  return useCallback((kind: HolderKind): string => t(`unitRoles.holder.kind.${kind}`), [t]);
}

/** A holder's state when it is not active (a person who left or is disabled, an inactive unit); null when active. */
export function useHolderStatusLabel() {
  const { t } = useTranslation();
  const personStatus = usePersonStatusLabel();
  return useCallback(
    (holder: Pick<RoleHolder, 'kind' | 'status'>): string | null => {
      if (holder.status === 'active') return null;
      if (holder.status === 'inactive') return t('unitRoles.holder.inactive');
      return personStatus(holder.status);
    },
    [t, personStatus],
  );
}

/**
 * A holder in a table cell: the name linked to its page, the kind in words for a unit or supplier,
 * the supplier's contact person, and the holder's state when it is not active (as text, not colour).
 */
export function HolderCell({ holder }: { holder: RoleHolder }) {
  const { t } = useTranslation();
  const statusLabel = useHolderStatusLabel();
  const status = statusLabel(holder);
  return (
    <>
      <Link asChild>
        <RouterLink to={holderPath(holder)}>{holder.name}</RouterLink>
      </Link>
      {holder.kind !== 'person' && <> {t(`unitRoles.holder.kindSuffix.${holder.kind}`)}</>}
      {holder.contact && <div className="cell-note">{t('unitRoles.holder.contact', { name: holder.contact.name })}</div>}
      {status && <div className="cell-note">{status}</div>}
    </>
  );
}
