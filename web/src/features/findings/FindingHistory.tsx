import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFindingHistory } from '../../api/findings.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { useFollowUpLabels } from './labels.ts';

/**
 * The finding's history, oldest first: each time the gap opened and was resolved, and every action on it (read
 * from the audit trail on the server): when, what, who, and the text (a comment, a reason, a motivation).
 */
export function FindingHistory({ findingId }: { findingId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useFollowUpLabels();
  const history = useFindingHistory(findingId);
  const items = history.data?.items ?? [];

  return (
    <section aria-labelledby="finding-history-heading" className="section">
      <Heading level={2} data-size="sm" id="finding-history-heading">
        {t('finding.history.heading')}
      </Heading>
      {history.isPending && <Spinner aria-label={t('finding.history.loading')} />}
      {history.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(history.error, t('errors.unexpected'))}
        </Alert>
      )}
      {history.isSuccess && items.length === 0 && <Paragraph>{t('finding.history.empty')}</Paragraph>}
      {items.length > 0 && (
        <ol className="finding-history">
          {items.map((e, index) => (
            <li key={`${e.at}-${e.kind}-${index}`} className="finding-history__entry">
              <time dateTime={e.at} className="finding-history__time">
                {formatDateTime(e.at, locale)}
              </time>
              <div>
                <span className="finding-history__what">{labels.historyWhat(e, e.date ? formatDate(e.date, locale) : null)}</span>{' '}
                {/* Opened and resolved are the facts' doing; an action by Ansvar itself (a risk that expired) says so. */}
                {(e.by || (e.kind !== 'opened' && e.kind !== 'resolved')) && (
                  <span className="finding-history__who">
                    {e.by ? t('finding.history.by', { name: e.by }) : t('finding.history.byAnsvar')}
                  </span>
                )}
                {e.text && <p className="finding-history__text finding-text">{e.text}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
