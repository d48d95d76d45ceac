import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Responsibility } from '../../api/policy.ts';
import { PText, useCapacityLabel } from './labels.tsx';
import { PartyText } from './PartyText.tsx';

interface Props {
  responsibility: Responsibility;
  /** A role's name from its key: the policy page takes it from the pack, other pages from the role catalogue. */
  roleName: (key: string | null | undefined) => string;
  /** More notes under the explanation (e.g. the rule's id). */
  children?: ReactNode;
}

/** One responsibility in a list: the capacity and who holds it, then why (rule text, role, agreement, condition). */
export function ResponsibilityItem({ responsibility: r, roleName, children }: Props) {
  const { t } = useTranslation();
  const capacityLabel = useCapacityLabel();
  return (
    <li className="responsibility">
      <div>
        <strong>{capacityLabel(r.capacity)}:</strong>{' '}
        {r.resolution === 'per_system' ? (
          <span>{t('policy.perSystem')}</span>
        ) : r.resolution === 'unresolved' || r.parties.length === 0 ? (
          <span className="responsibility__missing">{t('policy.unresolved')}</span>
        ) : (
          r.parties.map((party, index) => (
            <span key={index}>
              {index > 0 && ', '}
              <PartyText party={party} roleName={roleName} />
            </span>
          ))
        )}
      </div>
      <div className="cell-note">
        <PText text={r.explanation} />
        {r.through?.role && <> {t('policy.throughRole', { role: roleName(r.through.role) })}</>}
        {r.through?.agreement && (
          <> {r.through.agreement === 'service_agreement' ? t('policy.throughServiceAgreement') : t('policy.throughAgreement')}</>
        )}
        {r.conditional && <> {t('policy.conditional')}</>}
      </div>
      {children}
    </li>
  );
}
