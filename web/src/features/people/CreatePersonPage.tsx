import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { createPerson, peopleKeys } from '../../api/people.ts';
import { EMPTY_PERSON, PERSON_FIELDS, PersonFields, validatePerson, type PersonValues } from './PersonFields.tsx';

/** /people/new — adds one person by hand (most come from the HR import). */
export function CreatePersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<PersonValues>(EMPTY_PERSON);
  const errors = useFormErrors(PERSON_FIELDS, 'create-person');

  const create = useMutation({
    mutationFn: () =>
      createPerson({
        name: values.name.trim(),
        email: values.email.trim() || undefined,
        title: values.title.trim() || undefined,
        homeUnitId: values.homeUnitId,
        managerId: values.managerId || undefined,
        externalId: values.externalId.trim() || undefined,
      }),
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      void navigate(`/people/${person.id}`, { state: { created: true } });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found = validatePerson(values, t);
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    create.mutate();
  }

  return (
    <>
      <PageHeading title={t('people.createTitle')} />
      <Paragraph>
        {t('people.createIntro')}{' '}
        <Link asChild>
          <RouterLink to="/people/import">{t('people.importLink')}</RouterLink>
        </Link>
      </Paragraph>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <PersonFields values={values} onChange={setValues} errors={errors} />
        <div className="actions">
          <Button type="submit" loading={create.isPending}>
            {t('people.createSubmit')}
          </Button>
          <Link asChild>
            <RouterLink to="/people">{t('common.cancel')}</RouterLink>
          </Link>
        </div>
      </form>
    </>
  );
}
