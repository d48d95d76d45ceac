import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { MySummary } from '../../api/tasks.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

/** How many roles the compact list names before "and N more". */
const ROLES_SHOWN = 12;

const subjectHref = (s: { kind: 'unit' | 'system'; id: string }) => (s.kind === 'system' ? `/systems/${s.id}` : `/organisation/${s.id}`);

/** The roles the person holds today, compactly: "Systemförvaltare – Journalsystemet", then "and N more". */
export function MyRoles({ summary }: { summary: MySummary }) {
  const { t } = useTranslation();
  const headingId = useId();
  const shown = summary.roles.slice(0, ROLES_SHOWN);
  const more = summary.rolesTotal - shown.length;
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('mine.rolesHeading')}
      </Heading>
      {shown.length === 0 ? (
        <Paragraph data-size="sm">{t('mine.noRoles')}</Paragraph>
      ) : (
        <>
          <ul className="my-roles">
            {shown.map((r) => (
              <li key={`${r.role}-${r.subject.kind}-${r.subject.id}`}>
                <span className="my-roles__role">{r.role}:</span>{' '}
                <Link asChild>
                  <RouterLink to={subjectHref(r.subject)}>{r.subject.name}</RouterLink>
                </Link>
              </li>
            ))}
          </ul>
          {more > 0 && <Paragraph data-size="sm">{t('mine.moreRoles', { count: more })}</Paragraph>}
        </>
      )}
    </section>
  );
}

/** For a chef and a systemägare: the units they lead and the systems they own, with their open and overdue findings. */
export function Responsible({ items }: { items: MySummary['responsible'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const findingsHref = (r: MySummary['responsible'][number], overdue: boolean) =>
    r.kind === 'system' ? `/systems/${r.id}?tab=findings` : `/findings?unitId=${encodeURIComponent(r.id)}${overdue ? '&overdue=true' : ''}`;
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('mine.responsibleHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('mine.responsibleIntro')}</Paragraph>
      <TableScroll captionId={captionId}>
        <Table zebra className="data-table responsible-table">
          <caption id={captionId} className="sr-only">
            {t('mine.responsibleCaption')}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('mine.colName')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('mine.colType')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('mine.colOpen')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('mine.colOverdue')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((r) => (
              <Table.Row key={`${r.kind}-${r.id}`}>
                <Table.HeaderCell scope="row">
                  <Link asChild>
                    <RouterLink to={subjectHref(r)}>{r.name}</RouterLink>
                  </Link>
                </Table.HeaderCell>
                <Table.Cell>{t(`mine.subjectKind.${r.kind}`)}</Table.Cell>
                <Table.Cell>
                  {r.open > 0 ? (
                    <Link asChild>
                      <RouterLink to={findingsHref(r, false)} aria-label={t('mine.openLink', { count: r.open, name: r.name })}>
                        {r.open}
                      </RouterLink>
                    </Link>
                  ) : (
                    0
                  )}
                </Table.Cell>
                <Table.Cell>{r.overdue > 0 ? <strong>{t('mine.overdueCount', { count: r.overdue })}</strong> : 0}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
