import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

// After client-side navigation, focus moves to the new page's h1 so screen reader
// users hear where they are (a full page load would do that by itself).
// If the h1 is not rendered yet (data still loading), the heading takes focus when it mounts.
let focusPending = false;

export function useFocusOnRouteChange(): void {
  const { pathname } = useLocation();
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (lastPath.current === pathname) return; // first render: leave focus to the browser
    lastPath.current = pathname;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      focusPending = false;
      heading.focus();
    } else {
      focusPending = true;
    }
  }, [pathname]);
}

export function takePendingFocus(element: HTMLElement): void {
  if (!focusPending) return;
  focusPending = false;
  element.focus();
}
