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
import { OrgPage } from './features/org/OrgPage.tsx';
import { UnitPage } from './features/org/UnitPage.tsx';
import { CreatePersonPage } from './features/people/CreatePersonPage.tsx';
import { ImportPage } from './features/people/ImportPage.tsx';
import { PeoplePage } from './features/people/PeoplePage.tsx';
import { PersonPage } from './features/people/PersonPage.tsx';
import { PolicyPage } from './features/policy/PolicyPage.tsx';
import { PolicyVersionsPage } from './features/policy/PolicyVersionsPage.tsx';
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
            path: '/organisation',
            element: (
              <RequirePermission permission={PERMISSIONS.orgRead}>
                <OrgPage />
              </RequirePermission>
            ),
          },
          {
            path: '/organisation/:id',
            element: (
              <RequirePermission permission={PERMISSIONS.orgRead}>
                <UnitPage />
              </RequirePermission>
            ),
          },
          {
            path: '/people',
            element: (
              <RequirePermission permission={PERMISSIONS.orgRead}>
                <PeoplePage />
              </RequirePermission>
            ),
          },
          {
            path: '/people/new',
            element: (
              <RequirePermission permission={PERMISSIONS.orgManage}>
                <CreatePersonPage />
              </RequirePermission>
            ),
          },
          {
            path: '/people/import',
            element: (
              <RequirePermission permission={PERMISSIONS.orgManage}>
                <ImportPage />
              </RequirePermission>
            ),
          },
          {
            path: '/people/:id',
            element: (
              <RequirePermission permission={PERMISSIONS.orgRead}>
                <PersonPage />
              </RequirePermission>
            ),
          },
          {
            path: '/policy',
            element: (
              <RequirePermission permission={PERMISSIONS.policyRead}>
                <PolicyPage />
              </RequirePermission>
            ),
          },
          {
            path: '/policy/versions',
            element: (
              <RequirePermission permission={PERMISSIONS.policyRead}>
                <PolicyVersionsPage />
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
