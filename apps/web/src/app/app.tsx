import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { permissionsOf, type Permissions } from '../auth/permissions';
import { RequireAuth } from '../auth/require-auth';
import { useSession, useSignedIn } from '../auth/session-context';
import { AppShell } from '../layout/app-shell';
import { FullPageSpin } from '../components/full-page-spin';
import { ChangePasswordPage } from '../pages/change-password-page';
import { LoginPage } from '../pages/login-page';
import { ForbiddenPage, NotFoundPage } from '../pages/not-found-page';

// administration pages load on first visit: most users never open them
// 首页 too: its to-do tables would put the table component into every first load (the login page's included)
const HomePage = lazy(() => import('../pages/home-page').then((m) => ({ default: m.HomePage })));
const TenantsPage = lazy(() => import('../pages/tenants/tenants-page').then((m) => ({ default: m.TenantsPage })));
const DepartmentsPage = lazy(() =>
  import('../pages/departments/departments-page').then((m) => ({ default: m.DepartmentsPage })),
);
const UsersPage = lazy(() => import('../pages/users/users-page').then((m) => ({ default: m.UsersPage })));
const AuditLogPage = lazy(() => import('../pages/audit-log/audit-log-page').then((m) => ({ default: m.AuditLogPage })));
const ReportsPage = lazy(() => import('../pages/reports/reports-page').then((m) => ({ default: m.ReportsPage })));
const ReportPage = lazy(() => import('../pages/report/report-page').then((m) => ({ default: m.ReportPage })));
const NotificationsPage = lazy(() =>
  import('../pages/notifications/notifications-page').then((m) => ({ default: m.NotificationsPage })),
);
const NotificationSettingsPage = lazy(() =>
  import('../pages/notifications/notification-settings-page').then((m) => ({ default: m.NotificationSettingsPage })),
);
const DashboardPage = lazy(() =>
  import('../pages/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);
const SpotChecksPage = lazy(() =>
  import('../pages/spot-checks/spot-checks-page').then((m) => ({ default: m.SpotChecksPage })),
);
const ApiKeysPage = lazy(() => import('../pages/api-keys/api-keys-page').then((m) => ({ default: m.ApiKeysPage })));
const DelegationsPage = lazy(() =>
  import('../pages/delegations/delegations-page').then((m) => ({ default: m.DelegationsPage })),
);
const WebhooksPage = lazy(() => import('../pages/webhooks/webhooks-page').then((m) => ({ default: m.WebhooksPage })));
const SettingsPage = lazy(() => import('../pages/settings/settings-page').then((m) => ({ default: m.SettingsPage })));
const IndicatorLibraryPage = lazy(() =>
  import('../pages/indicator-library/indicator-library-page').then((m) => ({ default: m.IndicatorLibraryPage })),
);
const TemplatesPage = lazy(() =>
  import('../pages/templates/templates-page').then((m) => ({ default: m.TemplatesPage })),
);
const PublicationsPage = lazy(() =>
  import('../pages/publications/publications-page').then((m) => ({ default: m.PublicationsPage })),
);
// the public page of 随决算公开: outside the sign-in, loaded only by its visitors
const PublicDisclosurePage = lazy(() =>
  import('../pages/public/public-disclosure-page').then((m) => ({ default: m.PublicDisclosurePage })),
);
/** Pages anyone may open without signing in: no session is restored there (no refresh, no 401). */
export const isPublicPath = (pathname: string) => pathname.startsWith('/gongkai/');
const TemplateEditorPage = lazy(() =>
  import('../pages/templates/template-editor-page').then((m) => ({ default: m.TemplateEditorPage })),
);

const readsReports = (p: Permissions) => p.draftReports || p.reviewReports;

/** A page only some roles may open; others typing its address see 403 rather than a broken page. */
function Allowed({ when, children }: { when: (p: Permissions) => boolean; children: ReactNode }) {
  const { me, ability } = useSignedIn();
  if (!when(permissionsOf(ability, me))) return <ForbiddenPage />;
  return <Suspense fallback={<FullPageSpin description="正在打开页面…" />}>{children}</Suspense>;
}

export function App() {
  const session = useSession();
  const publicPage = isPublicPath(useLocation().pathname);
  // restore a session from the refresh cookie once, before deciding where the visitor may go
  useEffect(() => {
    if (!publicPage) void session.restore();
  }, [session, publicPage]);

  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/gongkai/:code"
        element={
          <Suspense fallback={<FullPageSpin description="正在打开页面…" />}>
            <PublicDisclosurePage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="dashboard"
          element={
            <Allowed when={(p) => p.reviewReports}>
              <DashboardPage />
            </Allowed>
          }
        />
        <Route
          path="tenants"
          element={
            <Allowed when={(p) => p.manageTenants}>
              <TenantsPage />
            </Allowed>
          }
        />
        <Route
          path="departments"
          element={
            <Allowed when={(p) => p.manageDepartments || p.browseDepartments}>
              <DepartmentsPage />
            </Allowed>
          }
        />
        <Route
          path="users"
          element={
            <Allowed when={(p) => p.manageUsers}>
              <UsersPage />
            </Allowed>
          }
        />
        <Route
          path="audit-log"
          element={
            <Allowed when={(p) => p.readAuditLog}>
              <AuditLogPage />
            </Allowed>
          }
        />
        <Route
          path="reports"
          element={
            <Allowed when={readsReports}>
              <ReportsPage />
            </Allowed>
          }
        />
        <Route
          path="reports/:id"
          element={
            <Allowed when={readsReports}>
              <ReportPage />
            </Allowed>
          }
        />
        <Route
          path="spot-checks"
          element={
            <Allowed when={(p) => p.reviewReports}>
              <SpotChecksPage />
            </Allowed>
          }
        />
        <Route
          path="notifications"
          element={
            <Allowed when={(p) => p.notifications}>
              <NotificationsPage />
            </Allowed>
          }
        />
        <Route
          path="delegations"
          element={
            <Allowed when={(p) => p.manageDelegations}>
              <DelegationsPage />
            </Allowed>
          }
        />
        <Route
          path="api-keys"
          element={
            <Allowed when={(p) => p.manageApiKeys}>
              <ApiKeysPage />
            </Allowed>
          }
        />
        <Route
          path="webhooks"
          element={
            <Allowed when={(p) => p.manageWebhooks}>
              <WebhooksPage />
            </Allowed>
          }
        />
        <Route
          path="settings"
          element={
            <Allowed when={(p) => p.manageSettings}>
              <SettingsPage />
            </Allowed>
          }
        />
        <Route
          path="templates"
          element={
            <Allowed when={(p) => p.readTemplates}>
              <TemplatesPage />
            </Allowed>
          }
        />
        <Route
          path="templates/:id"
          element={
            <Allowed when={(p) => p.readTemplates}>
              <TemplateEditorPage />
            </Allowed>
          }
        />
        <Route
          path="indicator-library"
          element={
            <Allowed when={(p) => p.readIndicatorLibrary}>
              <IndicatorLibraryPage />
            </Allowed>
          }
        />
        <Route
          path="publications"
          element={
            <Allowed when={(p) => p.readPublications}>
              <PublicationsPage />
            </Allowed>
          }
        />
        <Route
          path="account/notifications"
          element={
            <Allowed when={(p) => p.notifications}>
              <NotificationSettingsPage />
            </Allowed>
          }
        />
        <Route path="account/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
