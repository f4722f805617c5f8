// /settings/* — the admin settings: users, teams, custom fields, the audit log.
import { Navigate, Route, Routes } from 'react-router';
import { AuditPage } from '@/features/settings/components/audit-page';
import { CustomFieldsPage } from '@/features/settings/components/custom-fields-page';
import { SettingsLayout } from '@/features/settings/components/settings-layout';
import { TeamsPage } from '@/features/settings/components/teams-page';
import { UsersPage } from '@/features/settings/components/users-page';
import NotFoundRoute from './not-found-route';

export default function SettingsRoute() {
  return (
    <Routes>
      <Route element={<SettingsLayout />}>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="custom-fields" element={<CustomFieldsPage />} />
        <Route path="audit" element={<AuditPage />} />
      </Route>
      <Route path="*" element={<NotFoundRoute />} />
    </Routes>
  );
}
