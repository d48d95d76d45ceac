import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { isOverdue } from '../shared/systemLabels.ts';

interface Props {
  confirmedAt: string | null;
  confirmedBy?: string | null;
  /** ISO date by which the record must be confirmed again. */
  due: string;
  /** One short line and a note, for table cells. */
  compact?: boolean;
}

/** When the record was last confirmed and when it is due; an overdue confirmation says so in words. */
export function ConfirmationText({ confirmedAt, confirmedBy, due, compact }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const overdue = isOverdue(due);
  const dueText = formatDate(`${due}T12:00:00`, locale);
  const last = confirmedAt ? (
    <>
      {t(confirmedBy ? 'systems.confirm.lastBy' : 'systems.confirm.last', { name: confirmedBy })}{' '}
      <time dateTime={confirmedAt}>{formatDate(confirmedAt, locale)}</time>
    </>
  ) : (
    t('systems.confirm.never')
  );
  const next = overdue ? (
    <>
      <Tag data-color="danger" data-size="sm">
        {t('systems.confirm.overdueTag')}
      </Tag>{' '}
      {t('systems.confirm.overdue', { date: dueText })}
    </>
  ) : (
    t('systems.confirm.due', { date: dueText })
  );
  if (compact) {
    const short = (iso: string) => formatDate(iso, locale);
    return (
      <>
        <div>{confirmedAt ? <time dateTime={confirmedAt}>{short(confirmedAt)}</time> : t('systems.confirm.neverShort')}</div>
        <div className="cell-note nowrap">
          {overdue ? (
            <>
              <Tag data-color="danger" data-size="sm">
                {t('systems.confirm.overdueTag')}
              </Tag>{' '}
              {t('systems.confirm.dueShort', { date: short(due) })}
            </>
          ) : (
            t('systems.confirm.dueShort', { date: short(due) })
          )}
        </div>
      </>
    );
  }
  return (
    <>
      <Paragraph data-size="sm">{last}</Paragraph>
      <Paragraph data-size="sm">{next}</Paragraph>
    </>
  );
}
