import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { PERMISSIONS } from './api/types.ts';
import { PublicLayout } from './components/PublicFrame.tsx';
import { OptionalAuth, RequireAuth, RequirePermission } from './components/RequireAuth.tsx';
import { useFocusOnRouteChange } from './components/routeFocus.ts';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { InvitePage } from './features/auth/InvitePage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { SetupPage } from './features/auth/SetupPage.tsx';
import { NotFoundPage } from './features/errors/NotFoundPage.tsx';
import { StartPage } from './features/start/StartPage.tsx';
import { UsersPage } from './features/users/UsersPage.tsx';

function Root() {
  useFocusOnRouteChange();
  return <Outlet />;
}

const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/setup', element: <SetupPage /> },
          { path: '/invite', element: <InvitePage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <StartPage /> },
          {
            path: '/audit',
            element: (
              <RequirePermission permission={PERMISSIONS.auditRead}>
                <AuditPage />
              </RequirePermission>
            ),
          },
          {
            path: '/admin/users',
            element: (
              <RequirePermission permission={PERMISSIONS.usersRead}>
                <UsersPage />
              </RequirePermission>
            ),
          },
        ],
      },
      { element: <OptionalAuth />, children: [{ path: '*', element: <NotFoundPage /> }] },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
