// The user menu in the header: who is signed in, language (saved on the user), time zone,
// password, API tokens, light or dark theme, sign out.
import { Button, Menu, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconChevronDown,
  IconClock,
  IconKey,
  IconLanguage,
  IconLock,
  IconLogout,
  IconMoon,
  IconSun,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '@/hooks/use-me';
import { useErrorMessage } from '@/hooks/use-error-message';
import { useUpdateMe } from '@/hooks/use-update-me';
import { kLanguages } from '@/lib/languages';
import { useSignOut } from '../hooks/use-sign-in';

const kAccountPages = [
  { to: '/account/time-zone', Icon: IconClock, label: 'account.timeZone', testId: 'menu-time-zone' },
  { to: '/account/password', Icon: IconLock, label: 'account.changePassword', testId: 'menu-password' },
  { to: '/account/tokens', Icon: IconKey, label: 'account.tokens', testId: 'menu-tokens' },
] as const;

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const updateMe = useUpdateMe();
  const errorMessage = useErrorMessage();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');

  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <Button variant="subtle" rightSection={<IconChevronDown size={16} aria-hidden />} data-testid="user-menu">
          {me.data?.display_name ?? t('shell.account')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <IconLanguage size={14} aria-hidden /> {t('shell.language')}
        </Menu.Label>
        {kLanguages.map((l) => (
          <Menu.Item
            key={l.code}
            lang={l.code}
            onClick={() =>
              updateMe.mutate(
                { language: l.code },
                { onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }) },
              )
            }
            rightSection={i18n.language === l.code ? <IconCheck size={14} aria-hidden /> : null}
            aria-current={i18n.language === l.code ? 'true' : undefined}
            data-testid={`language-${l.code}`}
          >
            {l.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        {kAccountPages.map(({ to, Icon, label, testId }) => (
          <Menu.Item key={to} component={Link} to={to} leftSection={<Icon size={14} aria-hidden />} data-testid={testId}>
            {t(label)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          leftSection={scheme === 'dark' ? <IconSun size={14} aria-hidden /> : <IconMoon size={14} aria-hidden />}
          onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
          data-testid="theme-toggle"
        >
          {scheme === 'dark' ? t('shell.lightTheme') : t('shell.darkTheme')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={14} aria-hidden />}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
          data-testid="sign-out"
        >
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
