import { Alert, Button, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { maintenanceKeys, useSuspectPeople, type ConvertResult, type SuspectPerson } from '../../api/maintenance.ts';
import { orgKeys } from '../../api/org.ts';
import { peopleKeys } from '../../api/people.ts';
import { systemKeys } from '../../api/systems.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useReturnFocus } from '../../components/returnFocus.ts';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ConvertDialog } from './ConvertDialog.tsx';
import { useRepairTexts } from './texts.ts';

/**
 * /admin/suspect-people — "Rensa felaktiga personer": people that earlier imports made of organisations
 * ("IT-enheten", "CGI", "Leverantör"). Converting one moves its roles to the unit or supplier and marks it
 * left (never deleted). For administrators of the whole installation.
 */
export function SuspectPeoplePage() {
  const { t } = useTranslation();
  const texts = useRepairTexts();
  const suspects = useSuspectPeople();
  const queryClient = useQueryClient();
  const tableRef = useRef<HTMLTableElement>(null);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const captionId = useId();
  const focus = useReturnFocus();
  const [converting, setConverting] = useState<SuspectPerson | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = suspects.data?.pages.flatMap((page) => page.items) ?? [];

  const close = () => {
    setConverting(null);
    focus.restore(listHeadingRef.current);
  };
  const onConverted = (person: SuspectPerson, result: ConvertResult) => {
    setStatus(texts.converted(person, result));
    void queryClient.invalidateQueries({ queryKey: maintenanceKeys.suspects });
    void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    void queryClient.invalidateQueries({ queryKey: orgKeys.allHoldings });
    void queryClient.invalidateQueries({ queryKey: systemKeys.all });
    close();
  };

  return (
    <>
      <PageHeading title={t('repair.title')} />
      <Paragraph>{t('repair.intro')}</Paragraph>
      <section aria-labelledby="repair-list-heading" className="section">
        <Heading level={2} data-size="sm" id="repair-list-heading" ref={listHeadingRef} tabIndex={-1}>
          {t('repair.listHeading')}
        </Heading>
        {/* The result of a conversion is announced here; the region exists before it changes. */}
        <div role="status" className="list-status">
          {status && <Alert data-color="success">{status}</Alert>}
        </div>
        {suspects.isPending && <Spinner aria-label={t('repair.loading')} />}
        {suspects.isError && !suspects.isFetchNextPageError && (
          <Alert data-color="danger" role="alert">
            {isApiError(suspects.error) ? suspects.error.message : t('errors.unexpected')}
          </Alert>
        )}
        {suspects.isSuccess && items.length === 0 && <Paragraph>{t('repair.empty')}</Paragraph>}
        {items.length > 0 && (
          <TableScroll captionId={captionId}>
            <Table ref={tableRef} zebra className="data-table">
              <caption id={captionId} className="sr-only">
                {t('repair.tableCaption')}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('repair.colName')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('repair.colWhy')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('repair.colRoles')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('repair.colSuggestion')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('repair.colActions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((person) => (
                  <Table.Row key={person.id} tabIndex={-1}>
                    <Table.Cell>{person.name}</Table.Cell>
                    <Table.Cell>{person.reasons.map(texts.reason).join(' ')}</Table.Cell>
                    <Table.Cell>
                      {person.assignments.length === 0 ? (
                        t('repair.noRoles')
                      ) : (
                        <ul className="plain-list">
                          {person.assignments.map((a) => (
                            <li key={a.id}>{texts.assignment(a)}</li>
                          ))}
                        </ul>
                      )}
                    </Table.Cell>
                    <Table.Cell>{texts.suggestion(person)}</Table.Cell>
                    <Table.Cell>
                      {person.linkedToUser ? (
                        t('repair.hasAccount')
                      ) : (
                        <Button
                          variant="secondary"
                          data-size="sm"
                          aria-label={t('repair.convertFor', { name: person.name })}
                          onClick={() => {
                            setStatus(null);
                            focus.remember();
                            setConverting(person);
                          }}
                        >
                          {t('repair.convert')}
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
        <ShowMore
          hasMore={Boolean(suspects.hasNextPage)}
          loading={suspects.isFetchingNextPage}
          onMore={() => void suspects.fetchNextPage()}
          count={items.length}
          tableRef={tableRef}
        />
      </section>
      {converting && <ConvertDialog person={converting} onClose={close} onDone={(result) => onConverted(converting, result)} />}
    </>
  );
}
