import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/nl';
import 'dayjs/locale/en-gb';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { GlobalPermission } from '../contracts/index.js';
import { isApiError } from './api/client.js';
import { SessionProvider, useSession } from './auth/session.js';
import { Layout } from './components/Layout.js';
import { ErrorState, LoadingState } from './components/states.js';
import { cssVariablesResolver, theme } from './theme.js';
import { LoginPage } from './pages/LoginPage.js';
import { HouseholdsPage } from './pages/HouseholdsPage.js';
import { RegisterHouseholdPage } from './pages/RegisterHouseholdPage.js';
import { HouseholdPage } from './pages/household/HouseholdPage.js';
import { OrganisationsPage } from './pages/admin/OrganisationsPage.js';
import { UsersPage } from './pages/admin/UsersPage.js';
import { RemovedPage } from './pages/admin/RemovedPage.js';
import { AuditLogPage } from './pages/AuditLogPage.js';
import { PasswordPage } from './pages/PasswordPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PublicSignalPage } from './pages/signals/PublicSignalPage.js';
import { PublicStatusPage } from './pages/signals/PublicStatusPage.js';
import { PassedOnListPage, PassedOnSignalPage } from './pages/signals/PassedOnPages.js';
import { ProfessionalSignalsPage } from './pages/signals/ProfessionalSignalsPage.js';
import { TriageQueuePage } from './pages/triage/TriageQueuePage.js';
import { TriageSignalPage } from './pages/triage/TriageSignalPage.js';
import { AssignmentPage } from './pages/triage/AssignmentPage.js';
import { CaseloadPage } from './pages/caseload/CaseloadPage.js';
import { NotificationsPage } from './pages/notifications/NotificationsPage.js';
import { ReferralQueuePage } from './pages/referrals/ReferralQueuePage.js';
import { ServicesPage } from './pages/services/ServicesPage.js';
import { WorklistPage } from './pages/stagnation/WorklistPage.js';
import { StagnationPage } from './pages/stagnation/StagnationPage.js';
import { EscalationsPage } from './pages/stagnation/EscalationsPage.js';
import { BoardPage } from './pages/stagnation/BoardPage.js';
import { SettingsPage as StagnationSettingsPage } from './pages/stagnation/SettingsPage.js';
import { EmergencyPage } from './pages/emergency/EmergencyPage.js';
import { ReviewPage as EmergencyReviewPage } from './pages/emergency/ReviewPage.js';
import { EmployeeAccessPage } from './pages/emergency/EmployeeAccessPage.js';
import { InsightsPage } from './pages/insights/InsightsPage.js';
import { EnrolPage } from './pages/security/EnrolPage.js';
import { SecurityPage } from './pages/security/SecurityPage.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
    mutations: { retry: false },
  },
});

function RequireSession() {
  const { session, loading, loadError, retry } = useSession();
  const location = useLocation();
  if (loading)
    return (
      <main>
        <LoadingState />
      </main>
    );
  if (loadError) {
    return (
      <main style={{ padding: 24 }}>
        <ErrorState error={loadError} onRetry={retry} />
      </main>
    );
  }
  if (!session || session.secondFactor === 'required')
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (session.secondFactor === 'enrol') return <Navigate to="/second-factor/setup" replace />;
  return <Layout />;
}

/** The start page: the households, or for a policy viewer (who sees no household) the region's figures. */
function HomeRoute() {
  const { session } = useSession();
  const roles = session?.user.roles ?? [];
  if (roles.length > 0 && roles.every((r) => r === 'policy_viewer'))
    return <Navigate to="/cijfers" replace />;
  return <HouseholdsPage />;
}

function RequirePermission({ permission, children }: { permission: GlobalPermission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <NotFoundPage />;
}

function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'nl', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/second-factor/setup" element={<EnrolPage />} />
      <Route path="/melden" element={<PublicSignalPage />} />
      <Route path="/melden/status" element={<PublicStatusPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomeRoute />} />
        <Route
          path="households/new"
          element={
            <RequirePermission permission="household.register">
              <RegisterHouseholdPage />
            </RequirePermission>
          }
        />
        <Route path="households/:householdId" element={<HouseholdPage />} />
        <Route path="households/:householdId/:tab" element={<HouseholdPage />} />
        <Route
          path="cijfers"
          element={
            <RequirePermission permission="insights.read">
              <InsightsPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/organisations"
          element={
            <RequirePermission permission="organisation.manage">
              <OrganisationsPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequirePermission permission="user.manage">
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/removed"
          element={
            <RequirePermission permission="record.restore">
              <RemovedPage />
            </RequirePermission>
          }
        />
        <Route
          path="audit"
          element={
            <RequirePermission permission="audit.read">
              <AuditLogPage />
            </RequirePermission>
          }
        />
        <Route path="account/password" element={<PasswordPage />} />
        <Route path="account/security" element={<SecurityPage />} />
        <Route
          path="signals"
          element={
            <RequirePermission permission="signal.submit">
              <ProfessionalSignalsPage />
            </RequirePermission>
          }
        />
        <Route
          path="passed-on"
          element={
            <RequirePermission permission="signal.passed_on">
              <PassedOnListPage />
            </RequirePermission>
          }
        />
        <Route
          path="passed-on/:signalId"
          element={
            <RequirePermission permission="signal.passed_on">
              <PassedOnSignalPage />
            </RequirePermission>
          }
        />
        <Route
          path="triage"
          element={
            <RequirePermission permission="signal.triage">
              <TriageQueuePage />
            </RequirePermission>
          }
        />
        <Route
          path="triage/:signalId"
          element={
            <RequirePermission permission="signal.triage">
              <TriageSignalPage />
            </RequirePermission>
          }
        />
        <Route
          path="assignment/:householdId"
          element={
            <RequirePermission permission="coordinator.assign">
              <AssignmentPage />
            </RequirePermission>
          }
        />
        <Route path="caseloads" element={<CaseloadPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="services" element={<ServicesPage />} />
        <Route path="referrals" element={<ReferralQueuePage />} />
        <Route
          path="stagnations"
          element={
            <RequirePermission permission="stagnation.worklist">
              <WorklistPage />
            </RequirePermission>
          }
        />
        <Route path="stagnations/:stagnationId" element={<StagnationPage />} />
        <Route path="escalations" element={<EscalationsPage />} />
        <Route path="escalations/:stepId" element={<EscalationsPage />} />
        <Route
          path="stagnation/board"
          element={
            <RequirePermission permission="stagnation.board">
              <BoardPage />
            </RequirePermission>
          }
        />
        <Route
          path="stagnation/settings"
          element={
            <RequirePermission permission="stagnation.settings">
              <StagnationSettingsPage />
            </RequirePermission>
          }
        />
        <Route
          path="emergency"
          element={
            <RequirePermission permission="emergency.request">
              <EmergencyPage />
            </RequirePermission>
          }
        />
        <Route
          path="privacy/emergency"
          element={
            <RequirePermission permission="emergency.review">
              <EmergencyReviewPage />
            </RequirePermission>
          }
        />
        <Route
          path="privacy/access"
          element={
            <RequirePermission permission="emergency.review">
              <EmployeeAccessPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** The theme plus translated labels for Mantine's built-in close buttons. */
function useLocalisedTheme() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const close = { 'aria-label': t('common.close') };
    return {
      ...theme,
      components: {
        ...theme.components,
        Modal: { defaultProps: { closeButtonProps: close } },
        Drawer: { defaultProps: { closeButtonProps: close } },
        Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common.closeMessage') } } },
        Alert: { defaultProps: { closeButtonLabel: t('common.close') } },
      },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language]);
}

export function App() {
  const localisedTheme = useLocalisedTheme();
  return (
    <MantineProvider
      theme={localisedTheme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      <LocalisedDates>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <AppRoutes />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </LocalisedDates>
    </MantineProvider>
  );
}
