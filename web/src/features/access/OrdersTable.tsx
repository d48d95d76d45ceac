import { Link, Table } from '@digdir/designsystemet-react';
import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { AccessOrder } from '../../api/access-orders.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { Day, OrderStateTag, PrivilegedTag, useAccessLabels } from './labels.tsx';

/** Orders: what (a link to the order), the system and the person, who or what ordered it and when, and its state in words. */
export function OrdersTable({
  orders,
  caption,
  tableRef,
}: {
  orders: AccessOrder[];
  caption: string;
  tableRef: RefObject<HTMLTableElement | null>;
}) {
  const { t } = useTranslation();
  const labels = useAccessLabels();
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra className="data-table">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('access.orders.colOrder')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.orders.colSystem')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.orders.colPerson')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.orders.colOrderedBy')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.orders.colOrderedAt')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.orders.colState')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {orders.map((o) => (
            <Table.Row key={o.id} tabIndex={-1}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/access-orders/${o.id}`}>{t(`access.orders.title.${o.kind}`, { role: o.accessRole.name })}</RouterLink>
                </Link>
                {o.accessRole.privileged && (
                  <>
                    {' '}
                    <PrivilegedTag />
                  </>
                )}
              </Table.Cell>
              <Table.Cell>{o.system.name}</Table.Cell>
              <Table.Cell>
                {o.person?.name ?? (o.account ? o.account.username : <span className="cell-note">{t('access.noPerson')}</span>)}
              </Table.Cell>
              <Table.Cell>{labels.orderedBy(o)}</Table.Cell>
              <Table.Cell>
                <Day iso={o.orderedAt} />
              </Table.Cell>
              <Table.Cell>
                <OrderStateTag order={o} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
