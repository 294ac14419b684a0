import { Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { hasRole, useAuth } from './auth/Auth';
import { useI18n } from './i18n/I18n';
import type { Role } from './lib/menu';
import { MattersPage } from './pages/MattersPage';

// The first page (the catalogue) is in the main bundle; every other page loads when it is opened.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const RegisterPage = lazy(() => import('./pages/RegisterPage'));
const MatterGuidePage = lazy(() => import('./pages/MatterGuidePage'));
const MyCasesPage = lazy(() => import('./pages/MyCasesPage'));
const FilingPage = lazy(() => import('./pages/FilingPage'));
const CasePage = lazy(() => import('./pages/CasePage'));
const TasksPage = lazy(() => import('./pages/TasksPage'));
const WalkInPage = lazy(() => import('./pages/WalkInPage'));
const DepartmentsPage = lazy(() => import('./pages/admin/DepartmentsPage'));
const StaffPage = lazy(() => import('./pages/admin/StaffPage'));
const CalendarPage = lazy(() => import('./pages/admin/CalendarPage'));
const ProcessesPage = lazy(() => import('./pages/design/ProcessesPage'));
const BoardPage = lazy(() => import('./pages/supervision/BoardPage'));
const IncidentsPage = lazy(() => import('./pages/supervision/IncidentsPage'));
const StatisticsPage = lazy(() => import('./pages/supervision/StatisticsPage'));
// Matter catalogue administration (事项管理)
const MattersAdminPage = lazy(() => import('./pages/admin/MattersAdminPage'));
const MatterEditPage = lazy(() => import('./pages/admin/MatterEditPage'));
// Accounts, inbox, 我要问 and the public look-ups.
const PasswordTokenPage = lazy(() => import('./pages/account/PasswordTokenPage'));
const ChangePasswordPage = lazy(() => import('./pages/account/ChangePasswordPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const MyConsultationsPage = lazy(() => import('./pages/consultations/MyConsultationsPage'));
const ReceivedConsultationsPage = lazy(() => import('./pages/consultations/ReceivedConsultationsPage'));
const ProgressPage = lazy(() => import('./pages/public/ProgressPage'));
const VerifyPage = lazy(() => import('./pages/public/VerifyPage'));

function Guard({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user, ready } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (!ready) return <Spin />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !hasRole(user, ...roles)) return <Result status="403" title={t('common.forbidden')} />;
  return children;
}

const STAFF: Role[] = ['window_staff', 'reviewer', 'decider'];
const ANSWERING: Role[] = [...STAFF, 'supervisor'];

export function AppRoutes() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
      <Routes>
        <Route path="/" element={<MattersPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/matters/:matterId" element={<MatterGuidePage />} />
        <Route path="/my/cases" element={<Guard roles={['applicant']}><MyCasesPage /></Guard>} />
        <Route path="/my/cases/new/:matterId" element={<Guard roles={['applicant']}><FilingPage /></Guard>} />
        <Route path="/my/cases/:caseId/edit" element={<Guard roles={['applicant']}><FilingPage /></Guard>} />
        <Route path="/cases/:caseId" element={<Guard><CasePage /></Guard>} />
        <Route path="/work/tasks" element={<Guard roles={STAFF}><TasksPage /></Guard>} />
        <Route path="/work/walk-in" element={<Guard roles={['window_staff']}><WalkInPage /></Guard>} />
        <Route path="/work/walk-in/:caseId" element={<Guard roles={['window_staff']}><FilingPage /></Guard>} />
        <Route path="/supervision/board" element={<Guard roles={['supervisor']}><BoardPage /></Guard>} />
        <Route path="/supervision/incidents" element={<Guard roles={['supervisor', 'administrator']}><IncidentsPage /></Guard>} />
        <Route path="/supervision/statistics" element={<Guard roles={['supervisor', 'administrator']}><StatisticsPage /></Guard>} />
        <Route path="/admin/departments" element={<Guard roles={['administrator']}><DepartmentsPage /></Guard>} />
        <Route path="/admin/staff" element={<Guard roles={['administrator']}><StaffPage /></Guard>} />
        <Route path="/admin/calendar" element={<Guard roles={['administrator']}><CalendarPage /></Guard>} />
        <Route path="/admin/matters" element={<Guard roles={['administrator']}><MattersAdminPage /></Guard>} />
        <Route path="/admin/matters/:matterId" element={<Guard roles={['administrator']}><MatterEditPage /></Guard>} />
        <Route path="/design/processes" element={<Guard roles={['process_designer']}><ProcessesPage /></Guard>} />
        <Route path="/password/setup" element={<PasswordTokenPage purpose="setup" />} />
        <Route path="/password/reset" element={<PasswordTokenPage purpose="reset" />} />
        <Route path="/account/password" element={<Guard><ChangePasswordPage /></Guard>} />
        <Route path="/notifications" element={<Guard><InboxPage /></Guard>} />
        <Route path="/my/consultations" element={<Guard roles={['applicant']}><MyConsultationsPage /></Guard>} />
        <Route path="/work/consultations" element={<Guard roles={ANSWERING}><ReceivedConsultationsPage /></Guard>} />
        <Route path="/progress" element={<ProgressPage />} />
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="*" element={<Result status="404" title={t('common.notFound')} />} />
      </Routes>
    </Suspense>
  );
}
