import { Link } from '@digdir/designsystemet-react';
import type { MouseEvent, ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { OverviewView } from './overviewParams.ts';

/** How the overview's numbers drill down: a link to the page with other filters, then focus on the systems list. */
export interface Drill {
  href: (view: Partial<OverviewView>) => string;
  /** After a plain click (not one that opens a new tab), focus moves to the systems list's heading. */
  onFollow: (event: MouseEvent<HTMLAnchorElement>) => void;
}

interface Props {
  drill: Drill;
  to: Partial<OverviewView>;
  children: ReactNode;
  /** The link shows what the list shows now (aria-current; the page marks it in more than colour). */
  current?: boolean;
  className?: string;
}

/** A number or word that shows the systems behind it. */
export function DrillLink({ drill, to, children, current, className }: Props) {
  return (
    <Link asChild>
      <RouterLink to={drill.href(to)} onClick={drill.onFollow} aria-current={current ? 'true' : undefined} className={className}>
        {children}
      </RouterLink>
    </Link>
  );
}
