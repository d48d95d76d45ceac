import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';

/** Shown on a page the signed-in user has no permission for. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('forbidden.title')} />
      <Paragraph>{t('forbidden.text')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('notFound.home')}</RouterLink>
        </Link>
      </Paragraph>
    </>
  );
}
