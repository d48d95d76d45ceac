import { Button } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors } from '../../components/forms.ts';
import { getUnit, moveUnit, orgKeys, type OrgUnitDetail } from '../../api/org.ts';
import { UnitSelect } from '../shared/UnitSelect.tsx';

const FIELDS = ['parentId'] as const;

/** Moves a unit (with everything below it) under another parent. A cycle is refused on the field. */
export function MoveUnitForm({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [parentId, setParentId] = useState('');
  const [notice, setNotice] = useState<{ kind: 'moved' | 'conflict'; at: number } | null>(null);
  const errors = useFormErrors(FIELDS, `move-unit-${unit.id}`);

  const move = useMutation({
    mutationFn: () => moveUnit(unit.id, unit.version, parentId),
    onSuccess: async () => {
      queryClient.setQueryData(orgKeys.unit(unit.id), await getUnit(unit.id));
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      setParentId('');
      setNotice({ kind: 'moved', at: Date.now() });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        errors.clear();
        setNotice({ kind: 'conflict', at: Date.now() });
        void queryClient.invalidateQueries({ queryKey: orgKeys.unit(unit.id) });
        return;
      }
      errors.showApiError(error, t('errors.unexpected'));
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (move.isPending) return;
    setNotice(null);
    if (!parentId) {
      errors.showClientErrors({ parentId: t('org.validation.parentRequired') });
      return;
    }
    errors.clear();
    move.mutate();
  }

  return (
    <>
      {notice?.kind === 'moved' && (
        <FocusAlert color="success" focusKey={notice.at}>
          {t('org.moved', { name: unit.name })}
        </FocusAlert>
      )}
      {notice?.kind === 'conflict' && (
        <FocusAlert color="warning" focusKey={notice.at}>
          {t('org.conflictMove')}
        </FocusAlert>
      )}
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <UnitSelect
          id={errors.id('parentId')}
          label={t('org.fields.newParent')}
          description={t('org.fields.newParentHint', { name: unit.name })}
          value={parentId}
          onChange={setParentId}
          placeholder={t('org.fields.chooseUnit')}
          error={errors.fields.parentId}
          required
        />
        <div className="actions">
          <Button type="submit" loading={move.isPending}>
            {t('org.moveSubmit')}
          </Button>
        </div>
      </form>
    </>
  );
}
