import { Link } from '@digdir/designsystemet-react';
import { useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { MatrixArea, MatrixCell, MatrixItem } from '../../api/matrix.ts';
import type { ResponsibleParty } from '../../api/policy.ts';
import { PText, usePlainText } from '../policy/labels.tsx';
import { useRoleName } from '../policy/PartyText.tsx';
import { groupsOf, leadOf } from './cells.ts';

interface Props {
  areas: MatrixArea[];
  items: MatrixItem[];
  grouped: boolean;
  tableRef: RefObject<HTMLTableElement | null>;
  onOpen: (item: MatrixItem, area: MatrixArea, cell: MatrixCell, opener: HTMLButtonElement) => void;
}

/**
 * The grid: a row per system (its name the row header, sticky on the left), a column per area (sticky
 * headers, the title turned on its side when many columns share the width), and in each cell a button with
 * a shape and a word or two. One cell is in the tab order; the arrow keys, Home and End move between cells.
 */
export function MatrixTable({ areas, items, grouped, tableRef, onOpen }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const hintId = useId();
  const [active, setActive] = useState({ row: 0, col: 0 });
  const groups = groupsOf(items, grouped);
  const order = groups.flatMap((g) => g.items);
  const current = { row: Math.min(active.row, order.length - 1), col: Math.min(active.col, areas.length - 1) };

  function move(event: KeyboardEvent<HTMLButtonElement>, row: number, col: number) {
    const last = { row: order.length - 1, col: areas.length - 1 };
    const next = { row, col };
    switch (event.key) {
      case 'ArrowRight':
        next.col = Math.min(col + 1, last.col);
        break;
      case 'ArrowLeft':
        next.col = Math.max(col - 1, 0);
        break;
      case 'ArrowDown':
        next.row = Math.min(row + 1, last.row);
        break;
      case 'ArrowUp':
        next.row = Math.max(row - 1, 0);
        break;
      case 'Home':
        next.col = 0;
        if (event.ctrlKey) next.row = 0;
        break;
      case 'End':
        next.col = last.col;
        if (event.ctrlKey) next.row = last.row;
        break;
      default:
        return;
    }
    event.preventDefault();
    setActive(next);
    tableRef.current?.querySelector<HTMLButtonElement>(`button[data-cell="${next.row}:${next.col}"]`)?.focus();
  }

  let index = 0;
  return (
    <>
      <p id={hintId} className="matrix-hint">
        {t('matrix.keyboardHint')}
      </p>
      {/* A scrollable region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="matrix-scroll ds-focus" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table ref={tableRef} className={`ds-table matrix${areas.length > 5 ? ' matrix--many' : ''}`} data-border aria-describedby={hintId}>
          <caption id={captionId} className="sr-only">
            {t('matrix.caption')}
          </caption>
          <colgroup>
            <col className="matrix__system-col" />
            {areas.map((a) => (
              <col key={a.key} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="matrix__corner">
                {t('matrix.colSystem')}
              </th>
              {areas.map((a) => (
                <th scope="col" key={a.key} className="matrix__area">
                  <PText text={a.title} className="matrix__area-title" />
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.key}>
              {grouped && (
                <tr className="matrix__group">
                  <th scope="rowgroup" colSpan={areas.length + 1}>
                    <span className="matrix__group-label">
                      {group.name ?? t('matrix.noForvaltning')}{' '}
                      <span className="matrix__group-count">{t('matrix.groupCount', { count: group.items.length })}</span>
                    </span>
                  </th>
                </tr>
              )}
              {group.items.map((item) => {
                const row = index++;
                return (
                  <tr key={item.system.id} data-system-id={item.system.id} tabIndex={-1}>
                    <th scope="row" className="matrix__system">
                      <Link asChild>
                        <RouterLink to={`/systems/${item.system.id}`}>{item.system.name}</RouterLink>
                      </Link>
                      <span className="matrix__system-note">
                        {item.system.registerNo}
                        {item.gaps > 0 && <> · {t('matrix.gapCount', { count: item.gaps })}</>}
                      </span>
                    </th>
                    {areas.map((area, col) => {
                      const cell = item.cells[col]!;
                      return (
                        <td key={area.key} className={`matrix__cell matrix__cell--${cell.status}`}>
                          <button
                            type="button"
                            className="matrix__button"
                            data-cell={`${row}:${col}`}
                            tabIndex={current.row === row && current.col === col ? 0 : -1}
                            aria-haspopup="dialog"
                            onFocus={() => setActive({ row, col })}
                            onKeyDown={(e) => move(e, row, col)}
                            onClick={(e) => onOpen(item, area, cell, e.currentTarget)}
                          >
                            <CellContent cell={cell} />
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}

/** The shape (aria-hidden: the words say it) and a word or two: who, or Vakant, Saknas, Gäller inte. */
export function CellContent({ cell }: { cell: MatrixCell }) {
  const { t } = useTranslation();
  const short = useShortParty();
  const mark = <StatusMark status={cell.status} />;
  if (cell.status !== 'held') {
    return (
      <>
        {mark}
        <span className="matrix__text">{t(`matrix.status.${cell.status}`)}</span>
      </>
    );
  }
  const { party, more } = leadOf(cell);
  return (
    <>
      {mark}
      <span className="matrix__text">{party ? short(party) : t('matrix.status.held')}</span>
      {more > 0 && (
        <>
          <span className="matrix__more" aria-hidden="true">
            +{more}
          </span>
          <span className="sr-only">{t('matrix.more', { count: more })}</span>
        </>
      )}
    </>
  );
}

export function StatusMark({ status }: { status: MatrixCell['status'] }) {
  const glyph = { held: '✓', vacant: '!', missing: '✕', not_applicable: '–' }[status];
  return (
    <span className={`matrix__mark matrix__mark--${status}`} aria-hidden="true">
      <span className="matrix__glyph">{glyph}</span>
    </span>
  );
}

/** A party in a word or two: a name, or the role of a collective ("Chef"), or "Alla anställda". */
function useShortParty() {
  const { t } = useTranslation();
  const roleName = useRoleName();
  return (p: ResponsibleParty): string => {
    if (p.type !== 'collective') return p.name;
    return p.key === 'employees' ? t('matrix.employees') : roleName(p.roleKey);
  };
}

/** The area's title as plain text (for the dialog's heading). */
export const useAreaTitle = () => {
  const plain = usePlainText();
  return (area: MatrixArea) => plain(area.title);
};
