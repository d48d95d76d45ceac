import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on narrow screens. The region is focusable so keyboard
 * users can scroll it too, and named after the table's caption.
 */
export function TableScroll({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    // A scrollable region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll ds-focus" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
