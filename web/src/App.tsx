import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { PublicLayout } from './components/PublicFrame.tsx';
import { OptionalAuth, RequireAuth, RequirePermission } from './components/RequireAuth.tsx';
import { useFocusOnRouteChange } from './components/routeFocus.ts';
import { AgreementPage } from './features/agreements/AgreementPage.tsx';
import { CreateAgreementPage } from './features/agreements/CreateAgreementPage.tsx';
import { SupplierPage } from './features/agreements/SupplierPage.tsx';
import { SuppliersPage } from './features/agreements/SuppliersPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { ClassifyPage } from './features/classifications/ClassifyPage.tsx';
import { OverviewPage } from './features/classifications/OverviewPage.tsx';
import { AccountPage } from './features/auth/AccountPage.tsx';
import { InvitePage } from './features/auth/InvitePage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
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
import { ImportSystemsPage } from './features/system-import/ImportSystemsPage.tsx';
import { CreateSystemPage } from './features/systems/CreateSystemPage.tsx';
import { SystemPage } from './features/systems/SystemPage.tsx';
import { SystemsPage } from './features/systems/SystemsPage.tsx';
import { FindingsPage } from './features/findings/FindingsPage.tsx';
import { FindingPage } from './features/findings/FindingPage.tsx';
import { NotificationsPage } from './features/notifications/NotificationsPage.tsx';
import { EmailPage } from './features/notifications/EmailPage.tsx';
import { MatrixPage } from './features/matrix/MatrixPage.tsx';
import { UsersPage } from './features/users/UsersPage.tsx';
import { SuspectPeoplePage } from './features/maintenance/SuspectPeoplePage.tsx';
import { AccessImportPage } from './features/access/AccessImportPage.tsx';
import { NewOrderPage } from './features/access/NewOrderPage.tsx';
import { OrderPage } from './features/access/OrderPage.tsx';
import { OrdersPage } from './features/access/OrdersPage.tsx';
import { ReviewsPage } from './features/access-reviews/ReviewsPage.tsx';
import { CreateReviewPage } from './features/access-reviews/CreateReviewPage.tsx';
import { ReviewPage } from './features/access-reviews/ReviewPage.tsx';
import { InboxPage } from './features/access-reviews/InboxPage.tsx';

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
          { path: '/reset-password', element: <ResetPasswordPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <StartPage /> },
          { path: '/account', element: <AccountPage /> },
          { path: '/notifications', element: <NotificationsPage /> },
          {
            path: '/audit',
            element: (
              <RequirePermission permission="audit:read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          {
            path: '/organisation',
            element: (
              <RequirePermission permission="org:read">
                <OrgPage />
              </RequirePermission>
            ),
          },
          {
            path: '/organisation/:id',
            element: (
              <RequirePermission permission="org:read">
                <UnitPage />
              </RequirePermission>
            ),
          },
          {
            path: '/people',
            element: (
              <RequirePermission permission="org:read">
                <PeoplePage />
              </RequirePermission>
            ),
          },
          {
            path: '/people/new',
            element: (
              <RequirePermission permission="org:manage">
                <CreatePersonPage />
              </RequirePermission>
            ),
          },
          {
            path: '/people/import',
            element: (
              <RequirePermission permission="org:manage">
                <ImportPage />
              </RequirePermission>
            ),
          },
          {
            path: '/people/:id',
            element: (
              <RequirePermission permission="org:read">
                <PersonPage />
              </RequirePermission>
            ),
          },
          {
            path: '/policy',
            element: (
              <RequirePermission permission="policy:read">
                <PolicyPage />
              </RequirePermission>
            ),
          },
          {
            path: '/policy/versions',
            element: (
              <RequirePermission permission="policy:read">
                <PolicyVersionsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/systems',
            element: (
              <RequirePermission permission="systems:read">
                <SystemsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/systems/import',
            element: (
              <RequirePermission permission="systems:write">
                <ImportSystemsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/systems/new',
            element: (
              <RequirePermission permission="systems:write">
                <CreateSystemPage />
              </RequirePermission>
            ),
          },
          {
            path: '/systems/:id',
            element: (
              <RequirePermission permission="systems:read">
                <SystemPage />
              </RequirePermission>
            ),
          },
          {
            path: '/systems/:id/access/import',
            element: (
              <RequirePermission permission="systems:write">
                <AccessImportPage />
              </RequirePermission>
            ),
          },
          {
            path: '/access-orders',
            element: (
              <RequirePermission permission="systems:read">
                <OrdersPage />
              </RequirePermission>
            ),
          },
          {
            path: '/access-orders/new',
            element: (
              <RequirePermission permission="systems:write">
                <NewOrderPage />
              </RequirePermission>
            ),
          },
          {
            path: '/access-orders/:id',
            element: (
              <RequirePermission permission="systems:read">
                <OrderPage />
              </RequirePermission>
            ),
          },
          {
            path: '/systems/:id/classify',
            element: (
              <RequirePermission permission="systems:write">
                <ClassifyPage />
              </RequirePermission>
            ),
          },
          {
            path: '/classifications',
            element: (
              <RequirePermission permission="systems:read">
                <OverviewPage />
              </RequirePermission>
            ),
          },
          {
            path: '/responsibilities',
            element: (
              <RequirePermission permission="systems:read">
                <MatrixPage />
              </RequirePermission>
            ),
          },
          {
            path: '/findings',
            element: (
              <RequirePermission permission="systems:read">
                <FindingsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/findings/:id',
            element: (
              <RequirePermission permission="systems:read">
                <FindingPage />
              </RequirePermission>
            ),
          },
          {
            path: '/access-reviews',
            element: (
              <RequirePermission permission="systems:read">
                <ReviewsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/access-reviews/new',
            element: (
              <RequirePermission permission="systems:write">
                <CreateReviewPage />
              </RequirePermission>
            ),
          },
          {
            path: '/access-reviews/:id',
            element: (
              <RequirePermission permission="systems:read">
                <ReviewPage />
              </RequirePermission>
            ),
          },
          {
            path: '/access-reviews/:id/inbox',
            element: (
              <RequirePermission permission="systems:read">
                <InboxPage />
              </RequirePermission>
            ),
          },
          {
            path: '/suppliers',
            element: (
              <RequirePermission permission="systems:read">
                <SuppliersPage />
              </RequirePermission>
            ),
          },
          {
            path: '/suppliers/:id',
            element: (
              <RequirePermission permission="systems:read">
                <SupplierPage />
              </RequirePermission>
            ),
          },
          {
            path: '/agreements/new',
            element: (
              <RequirePermission permission="systems:write">
                <CreateAgreementPage />
              </RequirePermission>
            ),
          },
          {
            path: '/agreements/:id',
            element: (
              <RequirePermission permission="systems:read">
                <AgreementPage />
              </RequirePermission>
            ),
          },
          {
            path: '/admin/users',
            element: (
              <RequirePermission permission="users:read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: '/admin/suspect-people',
            element: (
              <RequirePermission permission="org:manage">
                <SuspectPeoplePage />
              </RequirePermission>
            ),
          },
          {
            path: '/admin/email',
            element: (
              <RequirePermission permission="users:manage">
                <EmailPage />
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
