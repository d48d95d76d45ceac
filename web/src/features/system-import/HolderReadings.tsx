import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { ImportPreview } from '../../api/system-import.ts';
import { useWhere } from './labels.ts';

const PAGE = 20;

type Reading = ImportPreview['unknownHolders'][number];

/**
 * What each name of the role cells became (a unit, a supplier, a new person, or no holder) and why: a
 * compact table, names needing attention first, 20 at a time.
 */
export function HolderReadings({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const where = useWhere();
  const captionId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const [shown, setShown] = useState(PAGE);
  const list = preview.unknownHolders;
  if (list.length === 0) return null;
  const became = (r: Reading) => {
    const kind = t(`systemImport.holders.became.${r.became}`);
    return r.holder && r.became !== 'vacant' ? `${kind}: ${r.holder}` : kind;
  };
  const refs = (r: Reading) => r.rows.slice(0, 3).map(where).join(', ') + (r.count > 3 ? ` ${t('systemImport.holders.more', { count: r.count - 3 })}` : '');

  return (
    <section aria-labelledby="holders-heading" className="section">
      <Heading level={3} data-size="xs" id="holders-heading">
        {t('systemImport.holders.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('systemImport.holders.intro')}</Paragraph>
      <TableScroll captionId={captionId}>
        <Table className="data-table" data-size="sm" ref={tableRef}>
          <caption id={captionId} className="sr-only">
            {t('systemImport.holders.caption')}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('systemImport.holders.colText')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('systemImport.holders.colRoles')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('systemImport.holders.colBecame')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('systemImport.holders.colWhy')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('systemImport.holders.colWhere')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.slice(0, shown).map((r) => (
              <Table.Row key={`${r.text}|${r.became}|${r.holder ?? ''}|${r.reason}`} tabIndex={-1}>
                <Table.Cell>{r.text}</Table.Cell>
                <Table.Cell>{r.roles.join(', ')}</Table.Cell>
                <Table.Cell>{became(r)}</Table.Cell>
                <Table.Cell>{r.reason}</Table.Cell>
                <Table.Cell>{refs(r)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <ShowMore hasMore={list.length > shown} loading={false} onMore={() => setShown((n) => n + PAGE)} count={Math.min(shown, list.length)} tableRef={tableRef} />
    </section>
  );
}
