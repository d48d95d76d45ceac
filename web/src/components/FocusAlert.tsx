import { Alert } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  color: 'danger' | 'warning' | 'success' | 'info';
  /** Changes to this value move focus to the alert again (e.g. a submit counter). */
  focusKey?: unknown;
  children: ReactNode;
}

/**
 * An Alert that is announced (role=alert for problems, role=status otherwise)
 * and takes focus when it appears, so keyboard users land on the message.
 */
export function FocusAlert({ color, focusKey, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      data-color={color}
      role={color === 'danger' || color === 'warning' ? 'alert' : 'status'}
      className="page-alert"
    >
      {children}
    </Alert>
  );
}
