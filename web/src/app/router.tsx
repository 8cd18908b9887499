import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useAuth, useUser } from './auth';
import { useCapabilities, type MenuKey } from './access';
import { useI18n } from './i18n';
import { AppLayout } from './AppLayout';
import LoginPage from '../features/auth/pages/LoginPage';
import InboxPage from '../features/tasks/pages/InboxPage';
import ForcedPasswordChange from '../features/auth/pages/ForcedPasswordChange';

// business pages load on demand (charts and big forms stay out of the first bundle)
const CustomerListPage = lazy(() => import('../features/customers/pages/CustomerListPage'));
const CustomerPage = lazy(() => import('../features/customers/pages/CustomerPage'));
const DealListPage = lazy(() => import('../features/deals/pages/DealListPage'));
const NewDealPage = lazy(() => import('../features/deals/pages/NewDealPage'));
const DealPage = lazy(() => import('../features/deals/pages/DealPage'));
const TicketListPage = lazy(() => import('../features/tickets/pages/TicketListPage'));
const TicketConsolePage = lazy(() => import('../features/tickets/pages/TicketConsolePage'));
const TicketPage = lazy(() => import('../features/tickets/pages/TicketPage'));
const ReportsPage = lazy(() => import('../features/reports/pages/ReportsPage'));
const WeeklyReportPage = lazy(() => import('../features/reports/pages/WeeklyReportPage'));
const PeoplePage = lazy(() => import('../features/people/pages/PeoplePage'));
const EngineerScoresPage = lazy(() => import('../features/reports/pages/EngineerScoresPage'));
const SalesReviewPage = lazy(() => import('../features/reports/pages/SalesReviewPage'));
const ReviewsPage = lazy(() => import('../features/reports/pages/ReviewsPage'));
const ReviewRecordPage = lazy(() => import('../features/reports/pages/ReviewRecordPage'));
const DepartmentResultsPage = lazy(() => import('../features/reports/pages/DepartmentResultsPage'));
const FeedbackReportPage = lazy(() => import('../features/reports/pages/FeedbackReportPage'));
const ArchivePage = lazy(() => import('../features/documents/pages/ArchivePage'));
const PartnersPage = lazy(() => import('../features/partners/pages/PartnersPage'));
const UsersPage = lazy(() => import('../features/users/pages/UsersPage'));
const CalendarPage = lazy(() => import('../features/settings/pages/CalendarPage'));
const TemplatesPage = lazy(() => import('../features/settings/pages/TemplatesPage'));
const ProcessEditorPage = lazy(() => import('../features/process/editor/ProcessEditorPage'));
const AccountPage = lazy(() => import('../features/auth/pages/AccountPage'));
const NotificationSettingsPage = lazy(() => import('../features/notifications/pages/NotificationSettingsPage'));
const RatingPage = lazy(() => import('../features/ratings/pages/RatingPage'));
const HomePage = lazy(() => import('../features/home/pages/HomePage'));
const CaseRedirectPage = lazy(() => import('../features/tasks/pages/CaseRedirectPage'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword) return <ForcedPasswordChange />;
  return <>{children}</>;
}

function RequireMenu({ menu, children }: { menu: MenuKey; children: ReactNode }) {
  const capabilities = useCapabilities();
  const { t } = useI18n();
  if (!capabilities.menus.includes(menu)) return <Result status="403" title="403" subTitle={t('error.noAccess')} />;
  return <>{children}</>;
}

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('error.pageNotFound')} />;
}

/** After sign-in: the cockpit (工作台) for staff, the inbox for a partner engineer. */
export function Landing() {
  const capabilities = useCapabilities();
  return <Navigate to={capabilities.menus.includes('home') ? '/home' : '/inbox'} replace />;
}

const guard = (menu: MenuKey, el: ReactNode) => <RequireMenu menu={menu}>{el}</RequireMenu>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* the customer's rating link: a phone page, no sign-in (issue 16) */}
      <Route path="/r/:token" element={<Suspense fallback={<Spin style={{ display: 'block', marginTop: '30vh' }} />}><RatingPage /></Suspense>} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Landing />} />
        <Route path="/home" element={guard('home', <HomePage />)} />
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="/deals" element={guard('deals', <DealListPage />)} />
        <Route path="/deals/new" element={guard('deals', <NewDealPage />)} />
        <Route path="/deals/:id" element={<DealPage />} />
        <Route path="/tickets" element={guard('tickets', <TicketListPage />)} />
        <Route path="/tickets/new" element={guard('tickets', <TicketConsolePage />)} />
        <Route path="/tickets/:id" element={<TicketPage />} />
        <Route path="/customers" element={guard('customers', <CustomerListPage />)} />
        <Route path="/customers/:id" element={<CustomerPage />} />
        <Route path="/reports" element={guard('reports', <ReportsPage />)} />
        <Route path="/reports/weekly" element={guard('reports', <WeeklyReportPage />)} />
        <Route path="/people" element={guard('people', <PeoplePage />)} />
        <Route path="/reports/engineers" element={guard('reports', <EngineerScoresPage />)} />
        <Route path="/reports/sales" element={guard('reports', <SalesReviewPage />)} />
        <Route path="/reports/reviews" element={guard('reports', <ReviewsPage />)} />
        {/* a record page: the server decides who reads it (the person, their manager, the GM) */}
        <Route path="/reviews/:kind/:id" element={<ReviewRecordPage />} />
        <Route path="/reports/departments" element={guard('reports', <DepartmentResultsPage />)} />
        <Route path="/feedback/:id" element={<FeedbackReportPage />} />
        <Route path="/archive" element={guard('archive', <ArchivePage />)} />
        <Route path="/partners" element={guard('partners', <PartnersPage />)} />
        <Route path="/settings" element={<Navigate to="/settings/users" replace />} />
        <Route path="/settings/users" element={guard('settings', <UsersPage />)} />
        <Route path="/settings/calendar" element={guard('settings', <CalendarPage />)} />
        <Route path="/settings/templates" element={guard('settings', <TemplatesPage />)} />
        <Route path="/settings/notifications" element={guard('settings', <NotificationSettingsPage />)} />
        <Route path="/process" element={guard('process', <ProcessEditorPage />)} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/cases/:id" element={<CaseRedirectPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
