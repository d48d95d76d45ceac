import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateKommun } from '../../api/onboarding.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors } from '../../components/forms.ts';

const FIELDS = ['name'] as const;

/** The kommun from the start page, when setup did not create it: its name, then the kommun and its kommunstyrelse. */
export function CreateKommunForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const errors = useFormErrors(FIELDS, 'create-kommun');
  const create = useCreateKommun();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const value = name.trim();
    if (!value) {
      errors.showClientErrors({ name: t('validation.kommunNameRequired') });
      return;
    }
    errors.clear();
    create.mutate(value, {
      onSuccess: () => setCreated(value),
      onError: (error) => errors.showApiError(error, t('errors.unexpected')),
    });
  }

  if (created) {
    return (
      <FocusAlert color="success" focusKey={created}>
        {t('start.kommunCreated', { name: created })}
      </FocusAlert>
    );
  }

  return (
    <section aria-labelledby={headingId} className="section" id={id}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('start.kommunHeading')}
      </Heading>
      <Paragraph>{t('start.kommunIntro')}</Paragraph>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Textfield
          id={errors.id('name')}
          label={t('setup.kommunLabel')}
          description={t('setup.kommunDescription')}
          autoComplete="organization"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <div className="actions">
          <Button type="submit" loading={create.isPending}>
            {t('start.kommunSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
