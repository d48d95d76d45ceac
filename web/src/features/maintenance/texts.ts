import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConvertResult, RepairTarget, SuspectAssignment, SuspectPerson } from '../../api/maintenance.ts';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';

/** The words of the repair page: why a person is listed, its roles, the suggestion, what a conversion did. */
export function useRepairTexts() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useCallback(
    (words: string[]) => new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { type: 'conjunction' }).format(words),
    [locale],
  );
  const target = useCallback(
    (tg: Pick<RepairTarget, 'kind' | 'name'>) => t(tg.kind === 'unit' ? 'repair.targetUnit' : 'repair.targetSupplier', { name: tg.name }),
    [t],
  );
  return useMemo(
    () => ({
      target,
      reason: (r: SuspectPerson['reasons'][number]) =>
        r.kind === 'unit' ? t('repair.reasonUnit', { name: r.name }) : r.kind === 'supplier' ? t('repair.reasonSupplier', { name: r.name }) : t('repair.reasonOrganisation'),
      assignment: (a: SuspectAssignment) =>
        a.current ? t('repair.role', { role: a.roleName, subject: a.subjectName }) : t('repair.rolePlanned', { role: a.roleName, subject: a.subjectName, from: formatDate(a.validFrom, locale) }),
      suggestion: (p: SuspectPerson) => {
        if (p.suggestedTarget) return target(p.suggestedTarget);
        const own = p.assignments.filter((a) => a.suggestedTarget);
        if (own.length) return t('repair.suggestionPerRole', { targets: list([...new Set(own.map((a) => target(a.suggestedTarget!)))]) });
        return t('repair.noSuggestion');
      },
      converted: (p: SuspectPerson, result: ConvertResult) => {
        const targets = list([...new Set(result.moved.map((m) => target(m.target)))]);
        return result.moved.length
          ? t('repair.converted', { name: p.name, count: result.moved.length, targets })
          : t('repair.convertedNoRoles', { name: p.name });
      },
    }),
    [t, list, target, locale],
  );
}
