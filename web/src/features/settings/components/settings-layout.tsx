// The frame of the admin settings: a title, links to users, teams, custom fields and the audit
// log, and the chosen page. Other roles get a message (the server refuses them anyway).
import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '@/hooks/use-me';

const kSections = ['users', 'teams', 'custom-fields', 'audit'] as const;

export function SettingsLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const current = kSections.find((s) => location.pathname.startsWith(`/settings/${s}`)) ?? 'users';

  if (me.data?.role !== 'admin') {
    return (
      <Alert color="red" role="alert" m="md" title={t('settings.title')}>
        {t('settings.adminsOnly')}
      </Alert>
    );
  }

  return (
    <Stack p="md" gap="md">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <Group gap="xs" component="nav" aria-label={t('settings.sectionsLabel')}>
        {kSections.map((section) => (
          <Button
            key={section}
            component={Link}
            to={`/settings/${section}`}
            variant={section === current ? 'filled' : 'subtle'}
            aria-current={section === current ? 'page' : undefined}
            data-testid={`settings-tab-${section}`}
          >
            {t(`settings.sections.${section}`)}
          </Button>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
