import { Alert, Button, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { getSystem, systemKeys } from '../../api/systems.ts';
import { AgreementFields } from './AgreementFields.tsx';
import { AGREEMENT_FIELDS, agreementInputOf, emptyAgreement, validateAgreement, type AgreementValues } from './agreementForm.ts';
import { agreementKeys, createAgreement, useSupplier, type Ref } from '../../api/agreements.ts';
import './agreements.css';

/**
 * /agreements/new — records an agreement. ?supplierId= starts with that supplier chosen; ?systemId=
 * links the new agreement to that system at once (from the system page's agreements tab).
 */
export function CreateAgreementPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const supplierId = params.get('supplierId') ?? '';
  const systemId = params.get('systemId') ?? '';
  const supplier = useSupplier(supplierId);
  const system = useQuery({ queryKey: systemKeys.system(systemId), queryFn: () => getSystem(systemId), enabled: systemId !== '' });
  const waiting = (supplierId && supplier.isPending) || (systemId && system.isPending);

  return (
    <>
      <PageHeading title={t('agreements.create.title')} />
      <Paragraph>{t('agreements.create.intro')}</Paragraph>
      {waiting ? (
        <Spinner aria-label={t('common.loading')} />
      ) : systemId && !system.data ? (
        <Alert data-color="danger" role="alert">
          {t('agreements.create.systemMissing')}
        </Alert>
      ) : (
        <CreateAgreementForm
          supplier={supplier.data ? { id: supplier.data.id, name: supplier.data.name } : null}
          system={system.data ? { id: system.data.id, name: system.data.name } : null}
        />
      )}
    </>
  );
}

function CreateAgreementForm({ supplier, system }: { supplier: Ref | null; system: Ref | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<AgreementValues>(() => emptyAgreement(supplier?.id));
  const errors = useFormErrors(AGREEMENT_FIELDS, 'create-agreement');

  const create = useMutation({
    mutationFn: () => createAgreement({ ...agreementInputOf(values), systemIds: system ? [system.id] : [] }),
    onSuccess: (agreement) => {
      void queryClient.invalidateQueries({ queryKey: agreementKeys.agreements });
      void queryClient.invalidateQueries({ queryKey: agreementKeys.suppliers });
      queryClient.setQueryData(agreementKeys.agreement(agreement.id), agreement);
      void navigate(`/agreements/${agreement.id}`, { state: { created: true } });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found = validateAgreement(values, t);
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    create.mutate();
  }

  const cancelTo = system ? `/systems/${system.id}?tab=agreements` : supplier ? `/suppliers/${supplier.id}` : '/suppliers';
  return (
    <>
      {system && <Alert data-color="info">{t('agreements.create.forSystem', { name: system.name })}</Alert>}
      <FormProblems errors={errors} />
      <form className="form agreement-form" noValidate onSubmit={onSubmit}>
        <AgreementFields values={values} onChange={setValues} errors={errors} supplier={supplier} />
        <div className="actions">
          <Button type="submit" loading={create.isPending}>
            {t('agreements.create.submit')}
          </Button>
          <Link asChild>
            <RouterLink to={cancelTo}>{t('common.cancel')}</RouterLink>
          </Link>
        </div>
      </form>
    </>
  );
}
