import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../components/forms.ts';
import { ShowMore } from '../../components/ShowMore.tsx';
import { useFindings } from '../../api/findings.ts';
import { FindingsTable } from '../findings/FindingsTable.tsx';
import type { System } from '../../api/systems.ts';

/** The system's open findings (kept true after every change), with who should act and since when. */
export function FindingsTab({ system }: { system: System }) {
  const { t } = useTranslation();
  const tableRef = useRef<HTMLTableElement>(null);
  const findings = useFindings({ systemId: system.id });
  const items = findings.data?.pages.flatMap((p) => p.items) ?? [];
  const high = items.filter((f) => f.severity === 'high').length;

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm">
        {t('systems.findings.heading')}
      </Heading>
      <Paragraph>{t('systems.findings.intro')}</Paragraph>
      {findings.isPending && <Spinner aria-label={t('findings.loading')} />}
      {findings.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(findings.error, t('errors.unexpected'))}
        </Alert>
      )}
      {findings.isSuccess &&
        (items.length === 0 ? (
          <Alert data-color="success">{t('systems.findings.none', { name: system.name })}</Alert>
        ) : (
          <>
            <Paragraph>
              {findings.hasNextPage
                ? t('systems.findings.countMore', { count: items.length })
                : [t('systems.findings.count', { count: items.length }), high > 0 && t('policy.findingsHigh', { count: high })]
                    .filter(Boolean)
                    .join(' ')}
            </Paragraph>
            <FindingsTable findings={items} tableRef={tableRef} caption={t('findings.systemCaption')} hideSubject />
            <ShowMore
              hasMore={findings.hasNextPage}
              loading={findings.isFetchingNextPage}
              onMore={() => void findings.fetchNextPage()}
              count={items.length}
              tableRef={tableRef}
            />
          </>
        ))}
    </div>
  );
}
