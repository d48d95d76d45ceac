import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AgreementKind, AgreementStatus, Clause } from '../../api/agreements.ts';

/** Colours for status tags; the text always says the status, the colour only repeats it. */
export const STATUS_COLOR = { active: 'success', in_notice_period: 'warning', ended: 'neutral', not_started: 'info' } as const;

/** The API's codes as words in the user's language (literal keys, so the i18n check sees them). */
export function useAgreementLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const kinds: Record<AgreementKind, string> = {
      service_agreement: t('agreements.kind.service_agreement'),
      supplier_agreement: t('agreements.kind.supplier_agreement'),
      license: t('agreements.kind.license'),
      saas: t('agreements.kind.saas'),
      support: t('agreements.kind.support'),
      dpa: t('agreements.kind.dpa'),
      other: t('agreements.kind.other'),
    };
    const statuses: Record<AgreementStatus, string> = {
      active: t('agreements.status.active'),
      in_notice_period: t('agreements.status.in_notice_period'),
      ended: t('agreements.status.ended'),
      not_started: t('agreements.status.not_started'),
    };
    const clauses: Record<Clause, string> = {
      logging: t('agreements.clause.logging'),
      backup: t('agreements.clause.backup'),
      destruction: t('agreements.clause.destruction'),
      dpa: t('agreements.clause.dpa'),
    };
    return {
      kind: (value: AgreementKind) => kinds[value] ?? value,
      status: (value: AgreementStatus) => statuses[value] ?? value,
      clause: (value: Clause) => clauses[value],
      /** Ja, Nej or Okänt: never a colour or an icon alone. */
      yesNo: (value: boolean | null) => (value === null ? t('agreements.clauseValue.unknown') : value ? t('agreements.clauseValue.yes') : t('agreements.clauseValue.no')),
    };
  }, [t]);
}

export type AgreementLabels = ReturnType<typeof useAgreementLabels>;

/** A message shown after an action, rendered in the language of the moment (it follows a language switch). */
export interface Notice {
  text: (t: TFunction) => string;
}
