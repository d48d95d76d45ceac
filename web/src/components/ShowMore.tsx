import { Button } from '@digdir/designsystemet-react';
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  /** Rows shown now. */
  count: number;
  /** The table whose body rows (tabIndex -1) receive focus. */
  tableRef: RefObject<HTMLTableElement | null>;
}

/**
 * "Show more" for keyset-paginated lists. New rows are appended and focus moves to the first
 * of them, so keyboard and screen reader users continue where the list grew
 * (and do not lose focus when the button disappears after the last page).
 */
export function ShowMore({ hasMore, loading, onMore, count, tableRef }: Props) {
  const { t } = useTranslation();
  const focusRow = useRef<number | null>(null);

  useEffect(() => {
    const index = focusRow.current;
    if (index === null || count <= index) return;
    focusRow.current = null;
    tableRef.current?.querySelectorAll<HTMLElement>('tbody > tr')[index]?.focus();
  }, [count, tableRef]);

  if (!hasMore) return null;
  return (
    <div className="actions">
      <Button
        variant="secondary"
        loading={loading}
        onClick={() => {
          if (loading) return;
          focusRow.current = count;
          onMore();
        }}
      >
        {t('common.showMore')}
      </Button>
    </div>
  );
}
