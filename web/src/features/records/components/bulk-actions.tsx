// The actions on the rows selected in a list — assign owner, add or remove a tag, change the
// stage, move to trash — offered as the caller's permissions allow; each record is its own
// request, a few at a time, with progress and a summary of what failed and why.
import { Alert, Button, Group, List, Menu, Modal, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '@/hooks/use-directory';
import { ApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/hooks/use-error-message';
import { choiceLabel, fieldLabel, permits, recordTitle } from '@/lib/records';
import type { KindMeta } from '@/types/meta';
import type { RecordData } from '@/types/record';
import type { User } from '@/types/user';
import { trashRecord, updateRecord } from '../api/records';
import { type BulkAction, type BulkKind, etagOf, offeredActions, patchFor, runLimited, stageField } from '../utils/bulk';

type Props = { kind: KindMeta; rows: RecordData[]; me: User | null; onClear: () => void };
type Dialog = BulkKind;
type Failure = { id: number; title: string; reason: string };
type Outcome = { done: number; failures: Failure[] };

const kInFlight = 4;

export function BulkActions({ kind, rows, me, onClear }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const users = useUsers();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [input, setInput] = useState('');
  const [running, setRunning] = useState<{ total: number; settled: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const stage = stageField(kind);
  const offered = offeredActions(kind);
  if (offered.length === 0) return null;

  const label = (d: Dialog) => {
    switch (d) {
      case 'assign':
        return t('bulk.assign');
      case 'addTag':
        return t('bulk.addTag');
      case 'removeTag':
        return t('bulk.removeTag');
      case 'stage':
        return t('bulk.changeStage', { field: stage ? fieldLabel(t, stage) : '' });
      default:
        return t('bulk.trash');
    }
  };

  const actionOf = (d: Dialog): BulkAction | null => {
    const value = input.trim();
    switch (d) {
      case 'assign':
        return value ? { type: 'assign', ownerId: Number(value) } : null;
      case 'addTag':
        return value ? { type: 'addTag', tag: value } : null;
      case 'removeTag':
        return value ? { type: 'removeTag', tag: value } : null;
      case 'stage':
        return value && stage ? { type: 'stage', field: stage.name, value } : null;
      default:
        return { type: 'trash' };
    }
  };

  const run = async (action: BulkAction) => {
    const targets = [...rows];
    const scope = action.type === 'trash' ? kind.permissions.delete : kind.permissions.update;
    setRunning({ total: targets.length, settled: 0 });
    const results = await runLimited(
      targets,
      kInFlight,
      async (record) => {
        if (!permits(scope, record, me)) throw new Error(t('errors.forbidden'));
        if (action.type === 'trash') return trashRecord(kind.collection, record.id, etagOf(record));
        const body = patchFor(action, record);
        if (body) await updateRecord(kind.collection, record.id, body, etagOf(record));
      },
      (settled) => setRunning({ total: targets.length, settled }),
    );
    const failures: Failure[] = [];
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      const record = targets[i]!;
      const reason = result.reason instanceof ApiError || !(result.reason instanceof Error) ? errorMessage(result.reason) : result.reason.message;
      failures.push({ id: record.id, title: recordTitle(kind, record), reason });
    });
    setRunning(null);
    setOutcome({ done: targets.length - failures.length, failures });
    await queryClient.invalidateQueries({ queryKey: ['list', kind.collection] });
    onClear();
  };

  const open = (d: Dialog) => {
    setInput('');
    setOutcome(null);
    setDialog(d);
  };
  const close = () => {
    if (running) return;
    setDialog(null);
    setOutcome(null);
  };
  const action = dialog ? actionOf(dialog) : null;

  return (
    <>
      {rows.length > 0 && (
        <Menu position="bottom-start" shadow="md">
          <Menu.Target>
            <Button variant="light" rightSection={<IconChevronDown size={16} aria-hidden />} data-testid="bulk-menu">
              {t('bulk.actions', { count: rows.length })}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {offered.map((d) => (
              <Menu.Item key={d} onClick={() => open(d)} color={d === 'trash' ? 'red' : undefined} data-testid={`bulk-${d}`}>
                {label(d)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      <Modal opened={dialog !== null} onClose={close} title={dialog ? label(dialog) : ''} closeOnClickOutside={!running} withCloseButton={!running}>
        {outcome ? (
          <Stack gap="sm" data-testid="bulk-summary">
            <Text>{t('bulk.summary', { done: outcome.done, failed: outcome.failures.length })}</Text>
            {outcome.failures.length > 0 && (
              <Alert color="red" variant="light" title={t('bulk.failedTitle')}>
                <List size="sm" spacing={4}>
                  {outcome.failures.map((f) => (
                    <List.Item key={f.id}>
                      {t('bulk.failure', { title: f.title, reason: f.reason })}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button onClick={close} data-testid="bulk-close">
                {t('bulk.close')}
              </Button>
            </Group>
          </Stack>
        ) : running ? (
          <Stack gap="sm" data-testid="bulk-progress">
            <Text size="sm">{t('bulk.progress', { settled: running.settled, total: running.total })}</Text>
            <Progress value={(100 * running.settled) / running.total} aria-label={t('bulk.progressLabel')} />
          </Stack>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (action) void run(action);
            }}
          >
            <Stack gap="sm">
              <Text size="sm">{t('bulk.target', { count: rows.length })}</Text>
              {dialog === 'assign' && (
                <Select
                  label={t('bulk.owner')}
                  data={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: String(u.id), label: u.display_name }))}
                  value={input || null}
                  onChange={(v) => setInput(v ?? '')}
                  searchable
                  data-autofocus
                  data-testid="bulk-owner"
                  comboboxProps={{ withinPortal: true }}
                />
              )}
              {(dialog === 'addTag' || dialog === 'removeTag') && (
                <TextInput label={t('bulk.tag')} value={input} onChange={(e) => setInput(e.currentTarget.value)} data-autofocus data-testid="bulk-tag" />
              )}
              {dialog === 'stage' && stage && (
                <Select
                  label={fieldLabel(t, stage)}
                  data={(stage.options ?? []).map((o) => ({ value: o, label: choiceLabel(t, kind, stage, o) }))}
                  value={input || null}
                  onChange={(v) => setInput(v ?? '')}
                  data-autofocus
                  data-testid="bulk-stage"
                  comboboxProps={{ withinPortal: true }}
                />
              )}
              {dialog === 'trash' && <Text size="sm">{t('bulk.trashBody')}</Text>}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" color={dialog === 'trash' ? 'red' : undefined} disabled={!action} data-testid="bulk-apply">
                  {t('bulk.apply', { count: rows.length })}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
