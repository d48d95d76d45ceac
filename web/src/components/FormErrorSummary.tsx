import { ErrorSummary, Link } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FocusAlert } from './FocusAlert.tsx';

export interface SummaryItem {
  /** id of the input the message belongs to; without it the message is shown as text. */
  fieldId?: string;
  message: string;
}

/**
 * The list of problems at the top of a form. Designsystemet's ds-error-summary takes focus
 * when it appears, so give it a new key on every failed submit to have it announced again.
 */
export function FormErrorSummary({ items }: { items: SummaryItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;

  function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault(); // keep the router's URL as it is; just move to the field
    field.focus();
    field.scrollIntoView({ block: 'center' });
  }

  return (
    <ErrorSummary className="form-error-summary">
      <ErrorSummary.Heading level={2} data-size="xs">
        {t('form.errorSummaryHeading')}
      </ErrorSummary.Heading>
      <ErrorSummary.List>
        {items.map((item, index) => (
          <ErrorSummary.Item key={`${item.fieldId ?? ''}-${index}`}>
            {item.fieldId ? (
              <ErrorSummary.Link href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId as string)}>
                {item.message}
              </ErrorSummary.Link>
            ) : (
              item.message
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** What a form shows above its fields after a failed submit: the general message and the summary. */
export function FormProblems({
  errors,
  generalColor = 'danger',
}: {
  errors: { general: string | null; generalCode?: string | null; attempt: number; summary: SummaryItem[] };
  generalColor?: 'danger' | 'warning';
}) {
  const { t } = useTranslation();
  return (
    <>
      {errors.general && (
        <FocusAlert color={generalColor} focusKey={errors.attempt}>
          {errors.general}
          {/* No kommun yet (409 kommun_missing): it is created on the start page. */}
          {errors.generalCode === 'kommun_missing' && (
            <>
              {' '}
              <Link asChild>
                <RouterLink to="/">{t('errors.kommunMissingLink')}</RouterLink>
              </Link>
            </>
          )}
        </FocusAlert>
      )}
      <FormErrorSummary key={errors.attempt} items={errors.summary} />
    </>
  );
}
