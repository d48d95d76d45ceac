import { Dialog, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { MatrixArea, MatrixCell, MatrixItem } from '../../api/matrix.ts';
import { PText } from '../policy/labels.tsx';
import { useRoleName } from '../policy/PartyText.tsx';
import { ResponsibilityItem } from '../policy/ResponsibilityItem.tsx';
import { StatusMark } from './MatrixTable.tsx';

export interface OpenCell {
  item: MatrixItem;
  area: MatrixArea;
  cell: MatrixCell;
}

/**
 * The details of one cell in a side panel (a modal dialog: focus stays inside, Escape closes it, and focus
 * returns to the cell): the status in words, who is responsible and in what capacity, the policy's own
 * words for the area and each rule's explanation. No rule or pack ids.
 */
export function CellDetails({ open, onClose }: { open: OpenCell | null; onClose: () => void }) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const headingId = useId();
  return (
    <Dialog open={open !== null} onClose={onClose} closeButton={t('common.close')} aria-labelledby={headingId} placement="right" className="matrix-details">
      {open && (
        <>
          <Dialog.Block>
            <Heading level={2} data-size="xs" id={headingId}>
              <PText text={open.area.title} />
              <span className="matrix-details__system">{open.item.system.name}</span>
            </Heading>
          </Dialog.Block>
          <Dialog.Block>
            <p className={`matrix-details__status matrix__cell--${open.cell.status}`}>
              <StatusMark status={open.cell.status} /> <strong>{t(`matrix.status.${open.cell.status}`)}</strong>
              {' – '}
              {t(`matrix.statusText.${open.cell.status}`)}
            </p>
            {open.cell.responsibilities.length > 0 && (
              <ul className="responsibilities">
                {open.cell.responsibilities.map((r) => (
                  <ResponsibilityItem key={r.ruleId} responsibility={r} roleName={roleName} />
                ))}
              </ul>
            )}
            <Heading level={3} data-size="2xs">
              {t('matrix.policySays')}
            </Heading>
            <blockquote className="matrix-details__quote">
              <PText text={open.area.text} as="p" />
            </blockquote>
            <Paragraph data-size="sm">
              <Link asChild>
                <RouterLink to={`/systems/${open.item.system.id}`}>{t('matrix.openSystem', { name: open.item.system.name })}</RouterLink>
              </Link>
            </Paragraph>
          </Dialog.Block>
        </>
      )}
    </Dialog>
  );
}
