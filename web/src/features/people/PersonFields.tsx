import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { looksLikeEmail, type FieldMessages } from '../../components/forms.ts';
import { UnitSelect } from '../org/UnitSelect.tsx';
import { PersonPicker } from './PersonPicker.tsx';

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
  const set = (field: keyof PersonValues) => (value: string) => onChange({ ...values, [field]: value });
  return (
    <>
      <Textfield
        id={errors.id('name')}
        label={t('people.fields.name')}
        autoComplete="off"
        required
        value={values.name}
        onChange={(e) => set('name')(e.target.value)}
        error={errors.fields.name}
      />
      <Textfield
        id={errors.id('email')}
        label={t('people.fields.email')}
        description={t('people.fields.emailHint')}
        type="email"
        autoComplete="off"
        value={values.email}
        onChange={(e) => set('email')(e.target.value)}
        error={errors.fields.email}
      />
      <Textfield
        id={errors.id('title')}
        label={t('people.fields.title')}
        autoComplete="off"
        value={values.title}
        onChange={(e) => set('title')(e.target.value)}
        error={errors.fields.title}
      />
      <UnitSelect
        id={errors.id('homeUnitId')}
        label={t('people.fields.homeUnit')}
        value={values.homeUnitId}
        onChange={set('homeUnitId')}
        placeholder={t('org.fields.chooseUnit')}
        error={errors.fields.homeUnitId}
        required
      />
      <PersonPicker
        id={errors.id('managerId')}
        legend={t('people.fields.manager')}
        description={t('people.fields.managerHint')}
        value={values.managerId}
        onChange={set('managerId')}
        current={manager}
        excludeId={selfId}
        placeholder={t('people.fields.noManager')}
        error={errors.fields.managerId}
      />
      <Textfield
        id={errors.id('externalId')}
        label={t('people.fields.externalId')}
        description={t('people.fields.externalIdHint')}
        autoComplete="off"
        value={values.externalId}
        onChange={(e) => set('externalId')(e.target.value)}
        error={errors.fields.externalId}
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
