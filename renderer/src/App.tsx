import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import type { ReactNode } from 'react';
import { HashRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useApiQuery } from './api/hooks';
import { FirstRunPage } from './features/auth/FirstRunPage';
import { firstRunLanding } from './features/auth/landing';
import { LoginPage } from './features/auth/LoginPage';
import { ApplicantsPage } from './features/applicants/ApplicantsPage';
import { AuditPage } from './features/audit/AuditPage';
import { AppShell } from './features/shell/AppShell';
import { ComingSoonPage } from './features/shell/ComingSoonPage';
import { DashboardPage } from './features/shell/DashboardPage';
import { ExclusionListsPage } from './features/exclusions/ExclusionListsPage';
import { ReviewQueuePage } from './features/screening/ReviewQueuePage';
import { ScreeningPage } from './features/screening/ScreeningPage';
import { AREAS, canSee, type AreaKey } from './features/shell/nav';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { SystemPage } from './features/system/SystemPage';
import { UsersPage } from './features/users/UsersPage';
import { WaveFormPage } from './features/waves/WaveFormPage';
import { WavePage } from './features/waves/WavePage';
import { WavesPage } from './features/waves/WavesPage';
import { EnrollmentsPage } from './features/catalog/EnrollmentsPage';
import { InstitutionsPage } from './features/catalog/InstitutionsPage';
import { TrainingsPage } from './features/catalog/TrainingsPage';
import { InvoicePage } from './features/invoices/InvoicePage';
import { InvoicesPage } from './features/invoices/InvoicesPage';
import { useSession } from './session/SessionProvider';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';

function Loading() {
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <CircularProgress aria-label="…" />
    </Box>
  );
}

/** Decides between first run, login and the app, from system.status and the session. */
function Gate({ page }: { page: 'setup' | 'login' | 'app' }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const status = useApiQuery('system.status', {}, { staleTime: Infinity, retry: 1 });
  if (status.isPending || session.state.status === 'loading') return <Loading />;
  if (status.error) {
    return (
      <Box sx={{ p: 3, maxWidth: 640 }}>
        <Alert severity="error" action={<Button color="inherit" onClick={() => void status.refetch()}>{t('common.retry')}</Button>}>
          {status.error.message}
        </Alert>
      </Box>
    );
  }
  const firstRun = status.data.firstRun;
  const authed = session.state.status === 'authenticated';
  if (firstRun) return page === 'setup' ? <FirstRunPage /> : <Navigate to="/setup" replace />;
  if (page === 'setup') return <Navigate to={authed ? firstRunLanding() : '/login'} replace />;
  if (page === 'login') return authed ? <Navigate to="/" replace /> : <LoginPage />;
  return authed ? <AppShell /> : <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
}

/** A page only some roles may open (the navigation hides it too; core enforces it per method). */
function RoleRoute({ area, children }: { area: AreaKey; children: ReactNode }) {
  const role = useSession().user.role;
  const def = AREAS.find((a) => a.key === area)!;
  return canSee(def, role) ? children : <NotFoundPage forbidden />;
}

export function App() {
  return (
    <HashRouter>
      <Routes>
        <Route path="/setup" element={<Gate page="setup" />} />
        <Route path="/login" element={<Gate page="login" />} />
        <Route element={<Gate page="app" />}>
          <Route index element={<DashboardPage />} />
          {AREAS.filter((a) => a.comingSoon).map((a) => (
            <Route key={a.key} path={a.path} element={<ComingSoonPage area={a.key} />} />
          ))}
          <Route path="/pendaftar" element={<ApplicantsPage />} />
          <Route path="/applicants" element={<Navigate to="/pendaftar" replace />} />
          <Route path="/penyaringan" element={<ScreeningPage />} />
          <Route path="/penyaringan/tinjauan" element={<ReviewQueuePage />} />
          <Route path="/penyaringan/pengecualian" element={<ExclusionListsPage />} />
          <Route path="/pengecualian" element={<Navigate to="/penyaringan/pengecualian" replace />} />
          <Route path="/gelombang" element={<WavesPage />} />
          <Route path="/gelombang/baru" element={<WaveFormPage />} />
          <Route path="/gelombang/:number" element={<WavePage />} />
          <Route path="/gelombang/:number/ubah" element={<WaveFormPage />} />
          <Route path="/katalog" element={<InstitutionsPage />} />
          <Route path="/katalog/pelatihan" element={<TrainingsPage />} />
          <Route path="/katalog/pembelian" element={<EnrollmentsPage />} />
          <Route path="/tagihan" element={<RoleRoute area="invoices"><InvoicesPage /></RoleRoute>} />
          <Route path="/tagihan/:invoiceNo" element={<RoleRoute area="invoices"><InvoicePage /></RoleRoute>} />
          <Route path="/pengguna" element={<RoleRoute area="users"><UsersPage /></RoleRoute>} />
          <Route path="/audit" element={<RoleRoute area="audit"><AuditPage /></RoleRoute>} />
          <Route path="/sistem" element={<RoleRoute area="system"><SystemPage /></RoleRoute>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
