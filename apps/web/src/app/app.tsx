import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { AppShell } from '../layout/app-shell';
import { LoginPage } from '../pages/login-page';

export function App() {
  const navigate = useNavigate();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage onLoggedIn={() => navigate('/')} />} />
      <Route path="/" element={<AppShell />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
