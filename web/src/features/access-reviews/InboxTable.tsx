import { Button, Checkbox, Link, Table } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ItemGroup, ReviewItem } from '../../api/access-reviews.ts';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { RoleName, useAccessLabels } from '../access/labels.tsx';
import { groupRows } from './decisions.ts';
import { DecisionTag } from './parts.tsx';

interface Props {
  items: ReviewItem[];
  group: ItemGroup;
  selected: ReadonlySet<string>;
  /** Toggle these rows: all on when any is off, else all off. */
  onToggle: (grantIds: string[]) => void;
  /** The row's own "Besluta" (null: the campaign takes no more decisions). */
  onDecide: ((item: ReviewItem) => void) | null;
  tableRef: RefObject<HTMLTableElement | null>;
}

const COLUMNS = 7;

/** A checkbox that shows "some of them" (a group with a few rows chosen) as mixed. */
function GroupCheckbox({ label, checked, mixed, onChange }: { label: string; checked: boolean; mixed: boolean; onChange: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return <Checkbox ref={ref} aria-label={label} checked={checked} onChange={onChange} className="review-check" />;
}

/**
 * The reviewer's items, grouped by system or by person: a heading row per group (its checkbox chooses the group's
 * rows), then a row per grant with its checkbox, the grantee or system, the account, the access role (privileged in
 * words), since when, the decision so far and the row's own "Besluta".
 */
export function InboxTable({ items, group, selected, onToggle, onDecide, tableRef }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useAccessLabels();
  const captionId = useId();
  const ids = items.map((i) => i.grantId);
  const allOn = ids.length > 0 && ids.every((id) => selected.has(id));
  const someOn = ids.some((id) => selected.has(id));
  const rows = groupRows(items, (i) =>
    group === 'system'
      ? { key: i.system.id, name: i.system.name }
      : { key: i.person?.id ?? '', name: i.person?.name ?? t('reviews.noPerson') },
  );
  const who = (i: ReviewItem) => i.person?.name ?? i.account.username;

  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} className="data-table review-inbox">
        <caption id={captionId} className="sr-only">
          {t(group === 'system' ? 'reviews.inbox.captionBySystem' : 'reviews.inbox.captionByPerson')}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col" className="review-check-cell">
              <GroupCheckbox
                label={t('reviews.inbox.chooseAllShown', { count: ids.length })}
                checked={allOn}
                mixed={someOn && !allOn}
                onChange={() => onToggle(ids)}
              />
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{group === 'system' ? t('reviews.col.person') : t('reviews.col.system')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('reviews.col.account')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('reviews.col.role')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('reviews.col.since')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('reviews.col.decision')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">
              <span className="sr-only">{t('reviews.col.actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => {
            if (row.kind === 'group') {
              const groupIds = row.items.map((i) => i.grantId);
              const on = groupIds.every((id) => selected.has(id));
              const some = groupIds.some((id) => selected.has(id));
              return (
                <Table.Row key={`g-${row.key}`} className="review-group-row">
                  <Table.Cell className="review-check-cell">
                    <GroupCheckbox
                      label={t('reviews.inbox.chooseGroup', { name: row.name, count: groupIds.length })}
                      checked={on}
                      mixed={some && !on}
                      onChange={() => onToggle(groupIds)}
                    />
                  </Table.Cell>
                  <Table.HeaderCell scope="colgroup" colSpan={COLUMNS - 1}>
                    {row.name} <span className="cell-note">{t('reviews.inbox.groupCount', { count: groupIds.length })}</span>
                  </Table.HeaderCell>
                </Table.Row>
              );
            }
            const i = row.item;
            const chosen = selected.has(i.grantId);
            return (
              <Table.Row key={i.grantId} tabIndex={-1} className={chosen ? 'review-row review-row--chosen' : 'review-row'}>
                <Table.Cell className="review-check-cell">
                  <Checkbox
                    aria-label={t('reviews.inbox.chooseRow', { who: who(i), role: i.accessRole.name, system: i.system.name })}
                    checked={chosen}
                    onChange={() => onToggle([i.grantId])}
                    className="review-check"
                  />
                </Table.Cell>
                <Table.Cell>
                  {group === 'system' ? (
                    (i.person?.name ?? <span className="cell-note">{t('reviews.noPerson')}</span>)
                  ) : (
                    <Link asChild>
                      <RouterLink to={`/systems/${i.system.id}?tab=access`}>{i.system.name}</RouterLink>
                    </Link>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {i.account.username}
                  {i.account.type !== 'personal' && <div className="cell-note">{labels.accountType(i.account.type)}</div>}
                </Table.Cell>
                <Table.Cell>
                  <RoleName role={i.accessRole} />
                </Table.Cell>
                <Table.Cell>
                  <time dateTime={i.since} className="nowrap">
                    {formatDate(i.since, locale)}
                  </time>
                  <div className="cell-note">{labels.origin(i.origin)}</div>
                </Table.Cell>
                <Table.Cell className="review-decision-cell">
                  <DecisionTag decision={i.decision} />
                  {i.decidedBy && <div className="cell-note">{t('reviews.inbox.decidedBy', { name: i.decidedBy.name })}</div>}
                  {i.comment && <div className="cell-note review-comment">{i.comment}</div>}
                </Table.Cell>
                <Table.Cell>
                  {onDecide && (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      className="nowrap"
                      aria-label={t(i.decision ? 'reviews.inbox.changeDecisionRow' : 'reviews.inbox.decideRow', {
                        who: who(i),
                        role: i.accessRole.name,
                        system: i.system.name,
                      })}
                      onClick={() => onDecide(i)}
                    >
                      {i.decision ? t('reviews.inbox.changeDecision') : t('reviews.inbox.decide')}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
