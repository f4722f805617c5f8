// The shell around every signed-in screen: header with the global search and the user menu,
// and a navigation: My day, then the kinds from the metadata.
import { AppShell, Burger, Group, NavLink, Skeleton, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconBuilding, IconCalendarEvent, IconFolder, IconSettings, IconSunHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { UserMenu } from '@/features/auth/components/user-menu';
import { GlobalSearch } from '@/features/search/components/global-search';
import { useMe } from '@/hooks/use-me';
import { useMeta } from '@/hooks/use-meta';
import { kindLabel } from '@/lib/records';

// Icons for the kinds we know; a later kind gets the generic folder until it has its own.
const kIcons: Record<string, typeof IconFolder> = {
  contact: IconAddressBook,
  company: IconBuilding,
  activity: IconCalendarEvent,
};

export function AppLayout() {
  const { t } = useTranslation();
  const meta = useMeta();
  const me = useMe();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={0}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <Text fw={700} size="lg" component={Link} to="/" className="rapport-brand">
              Rapport
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')} component="nav">
        <NavLink
          component={Link}
          to="/my-day"
          label={t('myDay.title')}
          leftSection={<IconSunHigh size={18} aria-hidden />}
          variant="filled"
          active={location.pathname === '/my-day'}
          onClick={close}
          data-testid="nav-my-day"
        />
        {meta.isPending && <Skeleton h={28} />}
        {meta.data?.kinds.map((kind) => {
          const Icon = kIcons[kind.kind] ?? IconFolder;
          return (
            <NavLink
              key={kind.kind}
              component={Link}
              to={`/r/${kind.kind}`}
              label={kindLabel(t, kind)}
              leftSection={<Icon size={18} aria-hidden />}
              variant="filled"
              active={location.pathname === `/r/${kind.kind}` || location.pathname.startsWith(`/r/${kind.kind}/`)}
              onClick={close}
              data-testid={`nav-${kind.kind}`}
            />
          );
        })}
        {me.data?.role === 'admin' && (
          <NavLink
            component={Link}
            to="/settings/users"
            label={t('settings.title')}
            leftSection={<IconSettings size={18} aria-hidden />}
            variant="filled"
            active={location.pathname.startsWith('/settings')}
            onClick={close}
            data-testid="nav-settings"
          />
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        {/* A new time zone re-renders every date: the page is remounted from the cache. */}
        <Outlet key={me.data?.time_zone ?? ''} />
      </AppShell.Main>
    </AppShell>
  );
}
