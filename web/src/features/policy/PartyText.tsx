import { Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useRoles } from '../../api/org.ts';
import type { ResponsibleParty } from '../../api/policy.ts';

/** A role's name in the user's language, from the active pack's catalogue (the key while it loads). */
export function useRoleName() {
  const roles = useRoles();
  return (key: string | null | undefined): string => roles.data?.items.find((r) => r.key === key)?.name ?? key ?? '';
}

/** One responsible party as text: a unit, or a role's holder (a person, a unit or a supplier: linked, with the role), or a collective. */
export function PartyText({ party, roleName }: { party: ResponsibleParty; roleName: (key: string | null) => string }) {
  const { t } = useTranslation();
  switch (party.type) {
    case 'unit':
      return (
        <Link asChild>
          <RouterLink to={`/organisation/${party.id}`}>{party.name}</RouterLink>
        </Link>
      );
    case 'person':
      return (
        <>
          <Link asChild>
            <RouterLink to={`/people/${party.id}`}>{party.name}</RouterLink>
          </Link>{' '}
          ({roleName(party.roleKey)})
        </>
      );
    case 'holder': {
      // A role held by an org unit ("IT-enheten (Driftansvarig)") or a supplier ("CGI (leverantör, Driftansvarig)").
      const role = roleName(party.roleKey);
      const path = party.holderKind === 'unit' ? `/organisation/${encodeURIComponent(party.id)}` : `/suppliers/${encodeURIComponent(party.id)}`;
      const after =
        party.holderKind === 'unit'
          ? `(${role})`
          : party.contact
            ? t('policy.partySupplierWithContact', { role, contact: party.contact.name })
            : t('policy.partySupplier', { role });
      return (
        <>
          <Link asChild>
            <RouterLink to={path}>{party.name}</RouterLink>
          </Link>{' '}
          {after}
        </>
      );
    }
    case 'collective':
      if (party.key === 'employees') return <>{t('policy.allEmployees')}</>;
      return (
        <>
          {party.count === null
            ? t('policy.allRoleHolders', { role: roleName(party.roleKey) })
            : t('policy.allRoleHoldersCount', { role: roleName(party.roleKey), count: party.count })}
        </>
      );
    default:
      return null;
  }
}
