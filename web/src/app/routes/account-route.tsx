// /account/* — the signed-in user's own time zone, password and API tokens.
import { Route, Routes } from 'react-router';
import { PasswordPage } from '@/features/account/components/password-page';
import { TimeZonePage } from '@/features/account/components/time-zone-page';
import { TokensPage } from '@/features/account/components/tokens-page';
import NotFoundRoute from './not-found-route';

export default function AccountRoute() {
  return (
    <Routes>
      <Route path="time-zone" element={<TimeZonePage />} />
      <Route path="password" element={<PasswordPage />} />
      <Route path="tokens" element={<TokensPage />} />
      <Route path="*" element={<NotFoundRoute />} />
    </Routes>
  );
}
