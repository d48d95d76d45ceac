import { Fieldset, Radio } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupplier } from '../../api/agreements.ts';
import type { HolderKind, PrincipalInput } from '../../api/org.ts';
import { useLocale } from '../../components/language.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { useHolderKindLabel } from './holderLabels.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { SupplierPicker } from './SupplierPicker.tsx';
import { UnitSelect } from './UnitSelect.tsx';

/** The holder being chosen in a role form; `id` and `contactId` are '' until chosen. */
export interface HolderChoice {
  kind: HolderKind;
  id: string;
  contactId: string;
}

export const emptyHolder = (kinds: readonly HolderKind[] = ['person']): HolderChoice => ({
  kind: kinds.includes('person') ? 'person' : (kinds[0] ?? 'person'),
  id: '',
  contactId: '',
});

/** The choice as the API takes it (`principal`), or null while nobody is chosen. */
export function principalOf(choice: HolderChoice): PrincipalInput | null {
  if (!choice.id) return null;
  return choice.kind === 'supplier' && choice.contactId
    ? { kind: 'supplier', id: choice.id, contactId: choice.contactId }
    : { kind: choice.kind, id: choice.id };
}

/** The message when a form is sent without a holder: "Choose a person", "… an org unit", "… a supplier". */
export function holderRequiredKey(kind: HolderKind): string {
  return `unitRoles.validation.${kind}Required`;
}

interface Props {
  /** id of the holder's own control (the picker's list); the error summary links to it. */
  id: string;
  /** id of the supplier contact select. */
  contactFieldId: string;
  /** The kinds the role allows (the policy's holderKinds). */
  kinds: readonly HolderKind[];
  value: HolderChoice;
  onChange: (value: HolderChoice) => void;
  /** The legend of the person picker when only a person may hold the role, and of the kind choice otherwise. */
  legend: string;
  error?: string;
  contactError?: string;
  /** The holder not to offer (the one handing the role over). */
  exclude?: { kind: HolderKind; id: string };
}

/**
 * Who is to hold a role: when the role allows only a person, the people picker as before; otherwise a
 * choice of kind (person, org unit, supplier) and then the picker of that kind, and for a supplier an
 * optional contact person among the supplier's contacts.
 */
export function HolderPicker({ id, contactFieldId, kinds, value, onChange, legend, error, contactError, exclude }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kindLabel = useHolderKindLabel();
  const name = useId();
  const several = kinds.length > 1;
  const excludeId = (kind: HolderKind) => (exclude?.kind === kind ? exclude.id : undefined);
  const setId = (holderId: string) => onChange({ ...value, id: holderId, contactId: '' });

  let picker;
  switch (value.kind) {
    case 'person':
      picker = (
        <PersonPicker
          key="person"
          id={id}
          legend={several ? kindLabel('person') : legend}
          value={value.id}
          onChange={setId}
          error={error}
          excludeId={excludeId('person')}
        />
      );
      break;
    case 'unit':
      picker = (
        <UnitSelect
          key="unit"
          id={id}
          label={several ? kindLabel('unit') : legend}
          description={t('unitRoles.holder.unitHint')}
          placeholder={t('unitRoles.holder.unitPlaceholder')}
          value={value.id}
          onChange={setId}
          error={error}
          excludeId={excludeId('unit')}
        />
      );
      break;
    case 'supplier':
      picker = (
        <>
          <SupplierPicker
            key="supplier"
            id={id}
            legend={several ? kindLabel('supplier') : legend}
            placeholder={t('unitRoles.holder.supplierPlaceholder')}
            value={value.id}
            onChange={setId}
            error={error}
            excludeId={excludeId('supplier')}
          />
          {value.id && (
            <ContactSelect
              id={contactFieldId}
              supplierId={value.id}
              value={value.contactId}
              onChange={(contactId) => onChange({ ...value, contactId })}
              error={contactError}
            />
          )}
        </>
      );
      break;
  }

  if (!several) return picker;
  const words = new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { type: 'disjunction' }).format(
    kinds.map((k) => t(`unitRoles.holder.kindWord.${k}`)),
  );
  return (
    <>
      <Fieldset>
        <Fieldset.Legend>{legend}</Fieldset.Legend>
        <Fieldset.Description>{t('unitRoles.holder.kindHint', { kinds: words })}</Fieldset.Description>
        {kinds.map((kind) => (
          <Radio
            key={kind}
            name={name}
            value={kind}
            label={kindLabel(kind)}
            checked={value.kind === kind}
            onChange={() => onChange({ kind, id: '', contactId: '' })}
          />
        ))}
      </Fieldset>
      {picker}
    </>
  );
}

/** One of the supplier's contact persons, or none (optional). */
function ContactSelect({
  id,
  supplierId,
  value,
  onChange,
  error,
}: {
  id: string;
  supplierId: string;
  value: string;
  onChange: (contactId: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const supplier = useSupplier(supplierId);
  const contacts = supplier.data?.contacts ?? [];
  let description: string;
  if (supplier.isPending) description = t('unitRoles.holder.contactsLoading');
  else if (supplier.isError) description = t('unitRoles.holder.contactsFailed');
  else if (contacts.length === 0) description = t('unitRoles.holder.noContacts');
  else description = t('unitRoles.holder.contactHint');
  return (
    <SelectField
      id={id}
      label={t('unitRoles.holder.contactLabel')}
      description={<span aria-live="polite">{description}</span>}
      value={value}
      onChange={onChange}
      placeholder={t('unitRoles.holder.contactNone')}
      options={contacts.map((c) => ({ value: c.id, label: c.role ? `${c.name} (${c.role})` : c.name }))}
      error={error}
    />
  );
}
