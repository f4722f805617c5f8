// Settings → Users: every user in keyset pages, with creating one and changing one in a dialog.
import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadMoreButton } from '@/components/load-more-button';
import { PageLoader } from '@/components/page-loader';
import type { User } from '@/types/user';
import { useTeamRows, useUserPages } from '../hooks/use-settings';
import { UserForm } from './user-form';

function Status({ user }: { user: User }) {
  const { t } = useTranslation();
  if (!user.active) return <Badge color="gray.8">{t('settings.users.inactive')}</Badge>;
  if (user.locked) return <Badge color="red.9">{t('settings.users.locked')}</Badge>;
  return <Badge color="teal.9">{t('settings.users.activeBadge')}</Badge>;
}

export function UsersPage() {
  const { t } = useTranslation();
  const pages = useUserPages();
  const teams = useTeamRows();
  // undefined: no dialog; null: a new user; a user: editing that one.
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const teamName = (id: number | null) => teams.data?.find((x) => x.id === id)?.name ?? '';
  const users = pages.data?.pages.flatMap((p) => p.items) ?? [];

  const done = (user: User) => {
    notifications.show({ color: 'green', message: t('settings.users.saved', { name: user.display_name }) });
    setEditing(undefined);
  };

  return (
    <>
      <Group justify="space-between">
        <Text size="sm">{t('settings.users.help')}</Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)} data-testid="new-user">
          {t('settings.users.new')}
        </Button>
      </Group>
      {pages.isPending && <PageLoader />}
      {pages.isError && <ErrorState error={pages.error} onRetry={() => pages.refetch()} />}
      {pages.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="users-table" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.users.name')}</Table.Th>
                <Table.Th>{t('settings.users.email')}</Table.Th>
                <Table.Th>{t('settings.users.role')}</Table.Th>
                <Table.Th>{t('settings.users.team')}</Table.Th>
                <Table.Th>{t('settings.users.status')}</Table.Th>
                <Table.Th>{t('settings.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => (
                <Table.Tr key={user.id} data-testid="user-row">
                  <Table.Td>{user.display_name}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{t(`settings.roles.${user.role}`)}</Table.Td>
                  <Table.Td>{teamName(user.team_id)}</Table.Td>
                  <Table.Td>
                    <Status user={user} />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      onClick={() => setEditing(user)}
                      aria-label={t('settings.editNamed', { name: user.display_name })}
                      data-testid="edit-user"
                    >
                      {t('settings.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton pages={pages} testId="users-more" />
      <Modal
        closeButtonProps={{ 'aria-label': t('settings.close') }}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('settings.users.editTitle', { name: editing.display_name }) : t('settings.users.new')}
      >
        {editing !== undefined && <UserForm key={editing?.id ?? 'new'} user={editing} onDone={done} onCancel={() => setEditing(undefined)} />}
      </Modal>
    </>
  );
}
