import { Alert } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { PageHeading } from './PageHeading.tsx';

/** A page whose record could not be read: its heading (by default "Something went wrong") and the reason. */
export function LoadError({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={title ?? t('errors.title')} />
      <Alert data-color="danger" role="alert">
        {isApiError(error) ? error.message : t('errors.unexpected')}
      </Alert>
    </>
  );
}
