import { useCallback, useRef } from 'react';

/**
 * For dialogs that are removed from the page when they close: remember what had focus before
 * opening, and put focus back there afterwards (or on a fallback, when that element is gone,
 * e.g. the row of a role that was just handed over).
 */
export function useReturnFocus() {
  const saved = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    saved.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  const restore = useCallback((fallback?: HTMLElement | null) => {
    // After React has updated the page: the element may have been removed by then.
    window.requestAnimationFrame(() => {
      const target = saved.current?.isConnected ? saved.current : fallback;
      target?.focus();
      saved.current = null;
    });
  }, []);
  return { remember, restore };
}
