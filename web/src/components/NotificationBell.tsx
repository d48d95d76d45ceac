import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { useUnreadCount } from '../api/notifications.ts';

/**
 * The bell in the header: a link to the notifications with the unread count in words ("3 olästa"), never only a
 * dot or a colour; with nothing unread, the bell alone (named "Notiser"). Read again every minute and after each change.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <RouterLink
      to="/notifications"
      className={count > 0 ? 'app-bell app-bell--unread ds-focus' : 'app-bell ds-focus'}
      aria-current={pathname === '/notifications' ? 'page' : undefined}
      title={count > 0 ? undefined : t('notifications.bellNone')}
    >
      <svg className="app-bell__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
        <path
          fill="currentColor"
          d="M12 2a1 1 0 0 1 1 1v1.07A7 7 0 0 1 19 11v4.59l1.7 1.7A1 1 0 0 1 20 19H4a1 1 0 0 1-.7-1.7L5 15.58V11a7 7 0 0 1 6-6.93V3a1 1 0 0 1 1-1Zm0 4a5 5 0 0 0-5 5v5a1 1 0 0 1-.3.7l-.29.3h11.18l-.3-.3A1 1 0 0 1 17 16v-5a5 5 0 0 0-5-5Zm-2 14h4a2 2 0 0 1-4 0Z"
        />
      </svg>
      {count > 0 ? (
        <>
          <span className="sr-only">{t('notifications.bellLabel')} </span>
          <span>{t('notifications.bellUnread', { count })}</span>
        </>
      ) : (
        // Nothing unread: the bell alone, named for screen readers and on hover (the header stays one row).
        <span className="sr-only">{t('notifications.bellNone')}</span>
      )}
    </RouterLink>
  );
}
