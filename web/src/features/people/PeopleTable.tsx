import { Link, Table, Tag } from '@digdir/designsystemet-react';
import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { TableScroll } from '../../components/TableScroll.tsx';
import { usePersonStatusLabel } from '../shared/personLabels.ts';
import type { Person } from '../../api/people.ts';

interface Props {
  people: Person[];
  tableRef: RefObject<HTMLTableElement | null>;
  caption: string;
}

const STATUS_COLOR = { active: 'success', disabled: 'warning', left: 'neutral' } as const;

/** People with their unit, title and status (status as words; the colour only repeats it). */
export function PeopleTable({ people, tableRef, caption }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const statusLabel = usePersonStatusLabel();

  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra className="data-table">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('people.colName')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.colTitle')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.colUnit')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.colEmail')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.colExternalId')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.colStatus')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {people.map((person) => (
            <Table.Row key={person.id} tabIndex={-1}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/people/${person.id}`}>{person.name}</RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>{person.title ?? '–'}</Table.Cell>
              <Table.Cell>
                {person.homeUnit ? (
                  <Link asChild>
                    <RouterLink to={`/organisation/${person.homeUnit.id}`}>{person.homeUnit.name}</RouterLink>
                  </Link>
                ) : (
                  t('people.noUnit')
                )}
              </Table.Cell>
              <Table.Cell>{person.email ?? '–'}</Table.Cell>
              <Table.Cell>{person.externalId ?? '–'}</Table.Cell>
              <Table.Cell>
                <Tag data-color={STATUS_COLOR[person.status] ?? 'neutral'}>{statusLabel(person.status)}</Tag>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
