import { Alert, Button } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isApiError } from '../api/client.ts';
import { hasPermission, useMe } from '../api/me.ts';
import type { Me, Permission } from '../api/types.ts';
import { ForbiddenPage } from '../features/errors/ForbiddenPage.tsx';
import { AppFrame } from './AppFrame.tsx';
import { useLocaleFromProfile } from './language.ts';
import { PageHeading } from './PageHeading.tsx';
import { LoadingFrame, PublicFrame } from './PublicFrame.tsx';

/** Layout route for signed-in pages; sends everyone else to the sign-in page. */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  useLocaleFromProfile(me.data);

  if (isApiError(me.error) && me.error.status === 401) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  if (me.data) {
    return (
      <AppFrame me={me.data}>
        <Outlet />
      </AppFrame>
    );
  }
  if (me.isError) {
    return (
      <PublicFrame>
        <PageHeading title={t('errors.title')} />
        <Alert data-color="danger" role="alert">
          {isApiError(me.error) ? me.error.message : t('errors.unexpected')}
        </Alert>
        <div className="actions">
          <Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>
        </div>
      </PublicFrame>
    );
  }
  return <LoadingFrame />;
}

/** Layout for pages anyone may see (the not-found page): framed for the signed-in, public otherwise. */
export function OptionalAuth() {
  const me = useMe();
  useLocaleFromProfile(me.data);
  if (me.isPending) return <LoadingFrame />;
  if (me.data && !me.isError) {
    return (
      <AppFrame me={me.data}>
        <Outlet />
      </AppFrame>
    );
  }
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}

/** The signed-in user, inside RequireAuth. */
export function useSignedInUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInUser used outside RequireAuth');
  return data;
}

/** Shows the page only to users with the permission (the server checks it again). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useSignedInUser();
  return hasPermission(me, permission) ? children : <ForbiddenPage />;
}
