import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { bindFields } from '../../components/fieldBinding.ts';
import { looksLikeEmail, type FieldMessages } from '../../components/forms.ts';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { PersonPicker } from '../shared/PersonPicker.tsx';

export const PERSON_FIELDS = ['name', 'email', 'title', 'homeUnitId', 'managerId', 'externalId'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export interface PersonValues {
  name: string;
  email: string;
  title: string;
  homeUnitId: string;
  managerId: string;
  externalId: string;
}

export const EMPTY_PERSON: PersonValues = { name: '', email: '', title: '', homeUnitId: '', managerId: '', externalId: '' };

interface Props {
  values: PersonValues;
  onChange: (values: PersonValues) => void;
  errors: { fields: FieldMessages<PersonField>; id: (name: PersonField) => string };
  /** The saved manager, so the picker can show them before any search. */
  manager?: { id: string; name: string } | null;
  /** The person being edited, not offered as their own manager. */
  selfId?: string;
}

/** The fields of a person, shared by the create and edit forms. */
export function PersonFields({ values, onChange, errors, manager, selfId }: Props) {
  const { t } = useTranslation();
  const field = bindFields(values, (name, value) => onChange({ ...values, [name]: value }), errors);
  return (
    <>
      <Textfield {...field.text('name')} label={t('people.fields.name')} autoComplete="off" required />
      <Textfield {...field.text('email')} label={t('people.fields.email')} description={t('people.fields.emailHint')} type="email" autoComplete="off" />
      <Textfield {...field.text('title')} label={t('people.fields.title')} autoComplete="off" />
      <UnitSelect {...field.choice('homeUnitId')} label={t('people.fields.homeUnit')} placeholder={t('org.fields.chooseUnit')} required />
      <PersonPicker
        {...field.choice('managerId')}
        legend={t('people.fields.manager')}
        description={t('people.fields.managerHint')}
        current={manager}
        excludeId={selfId}
        placeholder={t('people.fields.noManager')}
      />
      <Textfield
        {...field.text('externalId')}
        label={t('people.fields.externalId')}
        description={t('people.fields.externalIdHint')}
        autoComplete="off"
      />
    </>
  );
}

/** Checks in the browser what needs no server; the server validates everything again. */
export function validatePerson(values: PersonValues, t: (key: string) => string): FieldMessages<PersonField> {
  const found: FieldMessages<PersonField> = {};
  if (!values.name.trim()) found.name = t('people.validation.nameRequired');
  if (values.email.trim() && !looksLikeEmail(values.email)) found.email = t('validation.emailInvalid');
  if (!values.homeUnitId) found.homeUnitId = t('people.validation.unitRequired');
  return found;
}
