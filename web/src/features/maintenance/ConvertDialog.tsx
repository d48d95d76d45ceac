import { Checkbox, Fieldset, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { convertSuspect, type ConvertInput, type ConvertResult, type RepairTarget, type SuspectAssignment, type SuspectPerson } from '../../api/maintenance.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { messageOf } from '../../components/forms.ts';
import { useOrgTree } from '../../api/org.ts';
import { SupplierPicker } from '../shared/SupplierPicker.tsx';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { useRepairTexts } from './texts.ts';

type Kind = RepairTarget['kind'];

/**
 * Converting one person that is an organisation: where its roles go (a unit or a supplier, the suggestion
 * chosen at first; for "Leverantör" each system's own supplier where it is known), then one request that
 * moves every role and marks the person left.
 */
export function ConvertDialog({ person, onClose, onDone }: { person: SuspectPerson; onClose: () => void; onDone: (result: ConvertResult) => void }) {
  const { t } = useTranslation();
  const texts = useRepairTexts();
  const kindName = useId();
  const fieldId = useId();
  const suggested = person.suggestedTarget;
  const [kind, setKind] = useState<Kind>(suggested?.kind ?? 'unit');
  const [id, setId] = useState(suggested?.id ?? '');
  const [names, setNames] = useState<Record<string, string>>(suggested ? { [suggested.id]: suggested.name } : {});
  // Each role to its own suggestion (the supplier of its system's agreement), where one differs from the common target.
  const ownSuggestions = person.assignments.filter((a) => a.suggestedTarget && a.suggestedTarget.id !== suggested?.id);
  const [perRole, setPerRole] = useState(ownSuggestions.length > 0);
  const [missing, setMissing] = useState(false);
  const tree = useOrgTree();
  const unitNames = new Map((tree.data?.items ?? []).map((u) => [u.id, u.name]));

  const targetOf = (a: SuspectAssignment): Pick<RepairTarget, 'kind' | 'id' | 'name'> | null => {
    if (perRole && a.suggestedTarget) return a.suggestedTarget;
    return id ? { kind, id, name: names[id] ?? (kind === 'unit' ? (unitNames.get(id) ?? '') : '') } : null;
  };
  const needsCommon = !perRole || person.assignments.length === 0 || person.assignments.some((a) => !a.suggestedTarget);

  const convert = useMutation({
    mutationFn: (input: ConvertInput) => convertSuspect(person.id, input),
    onSuccess: onDone,
  });

  const submit = () => {
    if (needsCommon && !id) {
      setMissing(true);
      return;
    }
    const own = perRole ? person.assignments.filter((a) => a.suggestedTarget) : [];
    convert.mutate({
      version: person.version,
      ...(id && needsCommon ? { target: { kind, id } } : {}),
      ...(own.length ? { assignments: own.map((a) => ({ assignmentId: a.id, target: { kind: a.suggestedTarget!.kind, id: a.suggestedTarget!.id } })) } : {}),
    });
  };

  const choose = (value: string, name?: string) => {
    setId(value);
    setMissing(false);
    if (name) setNames((n) => ({ ...n, [value]: name }));
  };

  return (
    <ConfirmDialog
      open
      title={t('repair.dialogTitle', { name: person.name })}
      confirmLabel={t('repair.confirm')}
      onConfirm={submit}
      onClose={onClose}
      busy={convert.isPending}
      error={convert.isError ? messageOf(convert.error, t('errors.unexpected')) : null}
    >
      <Paragraph>{t('repair.dialogText', { name: person.name })}</Paragraph>
      {ownSuggestions.length > 0 && (
        <Checkbox label={t('repair.perRole')} description={t('repair.perRoleHint')} checked={perRole} onChange={(e) => setPerRole(e.target.checked)} />
      )}
      {needsCommon && (
        <>
          <Fieldset>
            <Fieldset.Legend>{t('repair.targetLegend')}</Fieldset.Legend>
            <Fieldset.Description>{perRole && ownSuggestions.length ? t('repair.targetHintRest') : t('repair.targetHint')}</Fieldset.Description>
            {(['unit', 'supplier'] as const).map((k) => (
              <Radio
                key={k}
                name={kindName}
                value={k}
                label={t(k === 'unit' ? 'repair.kindUnit' : 'repair.kindSupplier')}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setId('');
                }}
              />
            ))}
          </Fieldset>
          {kind === 'unit' ? (
            <UnitSelect
              id={fieldId}
              label={t('repair.unitLabel')}
              placeholder={t('repair.unitPlaceholder')}
              value={id}
              onChange={(v) => choose(v)}
              error={missing ? t('repair.unitRequired') : undefined}
            />
          ) : (
            <SupplierPicker
              id={fieldId}
              legend={t('repair.supplierLabel')}
              placeholder={t('repair.supplierPlaceholder')}
              value={id}
              current={id && names[id] ? { id, name: names[id] } : null}
              onChange={(v) => choose(v)}
              error={missing ? t('repair.supplierRequired') : undefined}
            />
          )}
        </>
      )}
      <Paragraph data-size="sm">{person.assignments.length ? t('repair.rolesMove') : t('repair.noRolesToMove')}</Paragraph>
      {person.assignments.length > 0 && (
        <ul className="plain-list">
          {person.assignments.map((a) => {
            const to = targetOf(a);
            const forbidden = to !== null && !a.holderKinds.includes(to.kind);
            return (
              <li key={a.id}>
                {texts.assignment(a)}
                {' → '}
                {to ? (to.name ? texts.target(to as RepairTarget) : t(to.kind === 'unit' ? 'repair.chosenUnit' : 'repair.chosenSupplier')) : t('repair.notChosen')}
                {forbidden && <strong>{` ${t(to.kind === 'unit' ? 'repair.unitNotAllowed' : 'repair.supplierNotAllowed')}`}</strong>}
              </li>
            );
          })}
        </ul>
      )}
    </ConfirmDialog>
  );
}
