// The list's views menu: open a saved view (its query goes into the URL, its columns into the
// column choice), save the list as a new view (private or shared with the team), save changes
// to the open view, delete it. The open view is named by ?view=<id> in the URL.
import { Alert, Button, Checkbox, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconChevronDown, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmBody } from '@/components/confirm-body';
import { useErrorMessage } from '@/hooks/use-error-message';
import { ApiError } from '@/lib/api-client';
import type { KindMeta } from '@/types/meta';
import type { User } from '@/types/user';
import { storeColumns } from '../hooks/use-list-columns';
import { useSavedViews } from '../hooks/use-saved-views';
import type { SavedView } from '../types/saved-view';
import { listQueryString } from '../utils/list-filters';

type Props = { kind: KindMeta; columns: string[]; me: User | null };

export function SavedViewsMenu({ kind, columns, me }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const { views, create, update, remove } = useSavedViews(kind.kind);
  const [saving, saveDialog] = useDisclosure(false);
  const [deleting, deleteDialog] = useDisclosure(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);

  const all = views.data ?? [];
  const activeId = Number(params.get('view'));
  const active = all.find((v) => v.id === activeId);
  const mine = all.filter((v) => v.owner_id === me?.id);
  const team = all.filter((v) => v.owner_id !== me?.id);
  const canChange = (view: SavedView) => me !== null && (view.owner_id === me.id || me.role === 'admin');
  const query = listQueryString(params);
  // A view is shared with its owner's team; without one there is nobody to share it with.
  const noTeam = me?.team_id === null || me?.team_id === undefined;

  const open = (view: SavedView) => {
    const next = new URLSearchParams(view.query);
    next.set('view', String(view.id));
    storeColumns(kind.kind, view.columns.length > 0 ? view.columns : null);
    setParams(next);
  };

  const startSave = () => {
    create.reset();
    setName('');
    setShared(false);
    saveDialog.open();
  };

  const save = () =>
    create.mutate(
      { name: name.trim(), shared: shared && !noTeam, query, columns },
      {
        onSuccess: (view) => {
          saveDialog.close();
          setParams((current) => {
            const next = new URLSearchParams(current);
            next.set('view', String(view.id));
            return next;
          });
          notifications.show({ message: t('views.saved', { name: view.name }), color: 'green' });
        },
      },
    );

  const saveChanges = (view: SavedView) =>
    update.mutate(
      { view, changes: { query, columns } },
      {
        onSuccess: (saved) => notifications.show({ message: t('views.updated', { name: saved.name }), color: 'green' }),
        onError: (error) => notifications.show({ message: errorMessage(error), color: 'red' }),
      },
    );

  const confirmDelete = (view: SavedView) =>
    remove.mutate(view, {
      onSuccess: () => {
        deleteDialog.close();
        setParams((current) => {
          const next = new URLSearchParams(current);
          next.delete('view');
          return next;
        });
        notifications.show({ message: t('views.deleted', { name: view.name }), color: 'gray' });
      },
      onError: (error) => {
        deleteDialog.close();
        notifications.show({ message: errorMessage(error), color: 'red' });
      },
    });

  const saveError = create.error instanceof ApiError ? create.error : null;
  const nameError = saveError?.fieldErrors.name?.join(' ');
  const otherErrors = saveError
    ? Object.entries(saveError.fieldErrors)
        .filter(([field]) => field !== 'name')
        .flatMap(([, messages]) => messages)
    : [];
  const saveProblem = create.error && !nameError && otherErrors.length === 0 ? errorMessage(create.error) : null;

  const item = (view: SavedView) => (
    <Menu.Item
      key={view.id}
      onClick={() => open(view)}
      leftSection={view.shared ? <IconUsers size={14} aria-label={t('views.team')} /> : <IconBookmark size={14} aria-hidden />}
      fw={view.id === activeId ? 700 : undefined}
      data-testid="view-item"
    >
      {view.name}
    </Menu.Item>
  );

  return (
    <>
      <Menu position="bottom-end" shadow="md" width={280}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} aria-hidden />} rightSection={<IconChevronDown size={16} aria-hidden />} data-testid="views-menu">
            {active ? t('views.active', { name: active.name }) : t('views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {views.isError && <Menu.Label>{errorMessage(views.error)}</Menu.Label>}
          {!views.isError && all.length === 0 && <Menu.Label>{views.isPending ? t('common.loading') : t('views.none')}</Menu.Label>}
          {mine.length > 0 && <Menu.Label>{t('views.mine')}</Menu.Label>}
          {mine.map(item)}
          {team.length > 0 && <Menu.Label>{t('views.team')}</Menu.Label>}
          {team.map(item)}
          <Menu.Divider />
          <Menu.Item onClick={startSave} data-testid="view-save-as">
            {t('views.saveAs')}
          </Menu.Item>
          {active && canChange(active) && (
            <Menu.Item onClick={() => saveChanges(active)} data-testid="view-update">
              {t('views.update', { name: active.name })}
            </Menu.Item>
          )}
          {active && canChange(active) && (
            <Menu.Item color="red" onClick={deleteDialog.open} data-testid="view-delete">
              {t('views.delete', { name: active.name })}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saving} onClose={saveDialog.close} title={t('views.saveTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) save();
          }}
        >
          <Stack gap="sm">
            <TextInput label={t('views.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} required data-autofocus data-testid="view-name" />
            <Checkbox
              label={t('views.share')}
              description={noTeam ? t('views.noTeam') : t('views.shareHint')}
              disabled={noTeam}
              checked={shared && !noTeam}
              onChange={(e) => setShared(e.currentTarget.checked)}
              data-testid="view-share"
            />
            {(otherErrors.length > 0 || saveProblem) && (
              <Alert color="red" variant="light">
                <Text size="sm">{saveProblem ?? otherErrors.join(' ')}</Text>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={saveDialog.close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()} data-testid="view-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={deleting && active !== undefined} onClose={deleteDialog.close} title={t('views.deleteTitle')}>
        <ConfirmBody
          message={t('views.deleteBody', { name: active?.name ?? '' })}
          confirmLabel={t('views.delete', { name: active?.name ?? '' })}
          onConfirm={() => active && confirmDelete(active)}
          onCancel={deleteDialog.close}
          pending={remove.isPending}
          confirmTestId="view-delete-confirm"
        />
      </Modal>
    </>
  );
}
