// Settings → Teams: the list, creating, renaming and deleting a team. The server refuses to
// delete a team that still has members or records, and its message says what is left.
import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBody } from '@/components/confirm-body';
import { ErrorState } from '@/components/error-state';
import { FormError } from '@/components/form-error';
import { PageLoader } from '@/components/page-loader';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useCreateTeam, useDeleteTeam, useRenameTeam, useTeamRows } from '../hooks/use-settings';
import type { TeamRow } from '../types/settings';

function CreateTeam() {
  const { t } = useTranslation();
  const create = useCreateTeam();
  const [name, setName] = useState('');
  const errors = useFormErrors(create.error, ['name']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, {
      onSuccess: (team) => {
        setName('');
        create.reset();
        notifications.show({ color: 'green', message: t('settings.teams.created', { name: team.name }) });
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormError message={errors.field('name') ? null : errors.form} />
        <Group align="flex-end">
          <TextInput
            label={t('settings.teams.newName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.field('name')}
            data-testid="team-name"
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()} data-testid="team-create">
            {t('settings.teams.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RenameTeam({ team, onDone }: { team: TeamRow; onDone: () => void }) {
  const { t } = useTranslation();
  const rename = useRenameTeam();
  const [name, setName] = useState(team.name);
  const errors = useFormErrors(rename.error, ['name']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ team, name }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={errors.field('name') ? null : errors.form} />
        <TextInput
          label={t('settings.teams.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.field('name')}
          data-autofocus
          data-testid="team-rename-input"
        />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={rename.isPending} data-testid="team-rename-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteTeam({ team, onDone }: { team: TeamRow; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteTeam();
  const errors = useFormErrors(remove.error, []);
  return (
    <ConfirmBody
      message={t('settings.teams.deleteBody', { name: team.name })}
      confirmLabel={t('settings.delete')}
      onConfirm={() => remove.mutate(team, { onSuccess: onDone })}
      onCancel={onDone}
      pending={remove.isPending}
      error={errors.form}
      errorTestId="team-delete-error"
      confirmTestId="team-delete-confirm"
    />
  );
}

export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useTeamRows();
  const [renaming, setRenaming] = useState<TeamRow | null>(null);
  const [deleting, setDeleting] = useState<TeamRow | null>(null);

  return (
    <>
      <CreateTeam />
      {teams.isPending && <PageLoader />}
      {teams.isError && <ErrorState error={teams.error} onRetry={() => teams.refetch()} />}
      {teams.data && teams.data.length === 0 && <Text c="dimmed">{t('settings.teams.none')}</Text>}
      {teams.data && teams.data.length > 0 && (
        <Table data-testid="teams-table" maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.teams.name')}</Table.Th>
              <Table.Th>{t('settings.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.map((team) => (
              <Table.Tr key={team.id} data-testid="team-row">
                <Table.Td>{team.name}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="outline" onClick={() => setRenaming(team)} aria-label={t('settings.teams.renameNamed', { name: team.name })}>
                      {t('settings.teams.rename')}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      onClick={() => setDeleting(team)}
                      aria-label={t('settings.deleteNamed', { name: team.name })}
                      data-testid="team-delete"
                    >
                      {t('settings.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal closeButtonProps={{ 'aria-label': t('settings.close') }} opened={renaming !== null} onClose={() => setRenaming(null)} title={t('settings.teams.renameTitle')}>
        {renaming && <RenameTeam key={renaming.id} team={renaming} onDone={() => setRenaming(null)} />}
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': t('settings.close') }} opened={deleting !== null} onClose={() => setDeleting(null)} title={t('settings.teams.deleteTitle')}>
        {deleting && <DeleteTeam key={deleting.id} team={deleting} onDone={() => setDeleting(null)} />}
      </Modal>
    </>
  );
}
