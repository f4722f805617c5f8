// The user menu in the header: who is signed in, language, light or dark theme, sign out.
import { Button, Menu, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLanguage, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '@/hooks/use-me';
import { changeLanguage } from '@/lib/i18n';
import { kLanguages } from '@/lib/languages';
import { useSignOut } from '../hooks/use-sign-in';

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const me = useMe();
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
            onClick={() => changeLanguage(l.code)}
            rightSection={i18n.language === l.code ? <IconCheck size={14} aria-hidden /> : null}
            aria-current={i18n.language === l.code ? 'true' : undefined}
            data-testid={`language-${l.code}`}
          >
            {l.name}
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
