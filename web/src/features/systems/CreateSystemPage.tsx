import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { createSystem, systemKeys } from '../../api/systems.ts';
import { SystemFields, useFieldLabel } from './SystemFields.tsx';
import { EMPTY_SYSTEM, inputOf, sentLinks, useSystemFormErrors, validateSystem, type SystemValues } from './systemForm.ts';
import './systems.css';

/** /systems/new — registers a system; it gets the next register number. */
export function CreateSystemPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SystemValues>(EMPTY_SYSTEM);
  const errors = useSystemFormErrors('create-system', useFieldLabel());

  const create = useMutation({
    mutationFn: () => createSystem(inputOf(values)),
    onSuccess: (system) => {
      void queryClient.invalidateQueries({ queryKey: systemKeys.all });
      queryClient.setQueryData(systemKeys.system(system.id), system);
      void navigate(`/systems/${system.id}`, { state: { created: true } });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected'), sentLinks(values).rows),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found = validateSystem(values, t);
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    create.mutate();
  }

  return (
    <>
      <PageHeading title={t('systems.create.title')} />
      <Paragraph>{t('systems.create.intro')}</Paragraph>
      <FormProblems errors={errors} />
      <form className="form system-form" noValidate onSubmit={onSubmit}>
        <SystemFields values={values} onChange={setValues} errors={errors} withLifecycle />
        <div className="actions">
          <Button type="submit" loading={create.isPending}>
            {t('systems.create.submit')}
          </Button>
          <Link asChild>
            <RouterLink to="/systems">{t('common.cancel')}</RouterLink>
          </Link>
        </div>
      </form>
    </>
  );
}
