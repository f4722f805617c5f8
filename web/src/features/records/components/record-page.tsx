// The generic record page for any kind: the title, every field from the metadata (editable in
// place when the user may), save with If-Match, per-field errors, the stale-edit banner, trash,
// and for a record in the trash a banner with Restore instead of the form.
import { Anchor, Breadcrumbs, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { FormError } from '@/components/form-error';
import { useErrorMessage } from '@/hooks/use-error-message';
import { useMe } from '@/hooks/use-me';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { type FieldErrors, pointerOf } from '@/lib/problem';
import { formFields, kindLabel, permits, recordTitle } from '@/lib/records';
import type { FieldMeta, KindMeta } from '@/types/meta';
import type { RecordData } from '@/types/record';
import { useFormFailure } from '../hooks/use-form-failure';
import { useRecord, useTrashRecord, useUpdateRecord } from '../hooks/use-record';
import { useRestoreRecord } from '../hooks/use-restore-record';
import { type Draft, toWire, valueOf } from '../utils/form-values';
import { RecordFields } from './record-fields';
import { RestoreBanner } from './restore-banner';
import { StaleBanner } from './stale-banner';
import { TrashButton } from './trash-button';

type Props = {
  kind: KindMeta;
  id: number;
  // What a kind adds beside its fields (the timeline), given the record and whether the user may write.
  renderExtra?: (record: RecordData, canWrite: boolean) => ReactNode;
};

// Fields a reader sees but nobody types: ids and what the server stamps.
function shownFields(kind: KindMeta): FieldMeta[] {
  return kind.fields.filter((f) => f.type !== 'place' && f.type !== 'id' && f.name !== 'deleted_at');
}

export function RecordPage({ kind, id, renderExtra }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const formFailure = useFormFailure();
  const me = useMe();
  const query = useRecord(kind.collection, id);
  const update = useUpdateRecord(kind.collection, id);
  const trash = useTrashRecord(kind.collection, id);
  const restore = useRestoreRecord(kind.collection, id);
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  if (query.isPending) {
    return (
      <Stack p="md" data-testid="record-loading">
        <Skeleton h={32} w="40%" />
        <Skeleton h={200} />
      </Stack>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;

  const record = query.data.data;
  const etag = query.data.etag;
  const user = me.data ?? null;
  const canUpdate = permits(kind.permissions.update, record, user);
  const canDelete = permits(kind.permissions.delete, record, user);
  const canAssign = permits(kind.permissions.assign, record, user);
  const trashed = typeof record.deleted_at === 'string';
  const editable = canUpdate && !trashed ? formFields(kind, canAssign) : [];
  const readOnly = shownFields(kind).filter((f) => !editable.includes(f));
  const dirty = Object.keys(draft).length > 0;
  const title = recordTitle(kind, record);

  const current = (field: FieldMeta) => (field.name in draft ? draft[field.name] : valueOf(record, field));
  const change = (field: FieldMeta, value: unknown) => {
    setDraft((d) => ({ ...d, [field.name]: value }));
    setErrors((e) => {
      const pointer = pointerOf(field.name);
      return Object.fromEntries(Object.entries(e).filter(([k]) => k !== pointer && !k.startsWith(`${pointer}/`)));
    });
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    update.mutate(
      { body: toWire(editable, draft), etag },
      {
        onSuccess: () => {
          setDraft({});
          setErrors({});
          setStale(false);
          notifications.show({ message: t('record.saved'), color: 'green' });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) {
            setStale(true);
            return;
          }
          const result = formFailure(error, editable);
          setErrors(result.fieldErrors);
          setFailure(result.message);
        },
      },
    );
  };

  const reload = () => {
    void query.refetch().then(() => setStale(false));
  };

  const discard = () => {
    setDraft({});
    setErrors({});
    setFailure(null);
    setStale(false);
  };

  const moveToTrash = () =>
    trash.mutate(etag, {
      onSuccess: () => {
        notifications.show({ message: t('record.trashed', { title }), color: 'gray' });
        navigate(`/r/${kind.kind}`);
      },
      onError: (error) => notifications.show({ message: errorMessage(error), color: 'red' }),
    });

  const moveBack = () =>
    restore.mutate(etag, {
      onSuccess: () => notifications.show({ message: t('trash.restored', { title }), color: 'green' }),
      onError: (error) => notifications.show({ message: errorMessage(error), color: 'red' }),
    });

  return (
    <Stack p="md" gap="md" data-testid="record-page">
      <Breadcrumbs>
        <Anchor component={Link} to={`/r/${kind.kind}`}>
          {kindLabel(t, kind)}
        </Anchor>
        <Text size="sm">{title}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" data-testid="record-title">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('record.updated', { when: formatDateTime(String(record.updated_at ?? ''), i18n.language) })}
          </Text>
        </div>
        {canDelete && kind.trash && !trashed && <TrashButton title={title} onConfirm={moveToTrash} pending={trash.isPending} />}
      </Group>

      {stale && <StaleBanner onReload={reload} reloading={query.isFetching} />}
      {trashed && (
        <RestoreBanner
          deletedAt={String(record.deleted_at)}
          canRestore={canDelete}
          onRestore={moveBack}
          pending={restore.isPending}
        />
      )}

      <Group align="flex-start" gap="md" wrap="wrap">
        <Stack style={{ flex: '2 1 520px', minWidth: 0 }} gap="md">
          {editable.length > 0 && (
            <form onSubmit={save} noValidate data-testid="record-form">
              <Stack gap="md">
                {dirty && (
                  <Paper withBorder p="xs" className="rapport-save-bar">
                    <Group justify="space-between">
                      <Text size="sm">{t('record.unsaved')}</Text>
                      <Group gap="xs">
                        <Button variant="default" onClick={discard}>
                          {t('common.discard')}
                        </Button>
                        <Button type="submit" loading={update.isPending} data-testid="save">
                          {t('common.save')}
                        </Button>
                      </Group>
                    </Group>
                  </Paper>
                )}
                <FormError message={failure} testId="form-error" />
                <RecordFields kind={kind} fields={editable} valueOf={current} editable onChange={change} errors={errors} />
              </Stack>
            </form>
          )}
          <Paper withBorder p="md">
            <RecordFields kind={kind} fields={readOnly} valueOf={current} editable={false} onChange={change} errors={{}} />
          </Paper>
        </Stack>
        {renderExtra && <Stack style={{ flex: '1 1 320px', minWidth: 0 }}>{renderExtra(record, canUpdate && !trashed)}</Stack>}
      </Group>
    </Stack>
  );
}
