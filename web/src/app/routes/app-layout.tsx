// The shell around every signed-in screen: header with the global search and the user menu,
// and a navigation listing the kinds from the metadata.
import { AppShell, Burger, Group, NavLink, Skeleton, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconBuilding, IconCalendarEvent, IconFolder } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { UserMenu } from '@/features/auth/components/user-menu';
import { GlobalSearch } from '@/features/search/components/global-search';
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
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
