// Logs a call (direction, duration, outcome), a meeting (start, end, location) or a task (due
// date, priority) linked to the record whose page it is on, through the activity's link field for
// that kind; the timeline shows it right after. Nothing shows for a user who may not log one.
import { Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { useErrorMessage } from '@/hooks/use-error-message';
import { useMe } from '@/hooks/use-me';
import { useKind } from '@/hooks/use-meta';
import { ApiError } from '@/lib/api-client';
import { type FieldErrors, messagesAt, unplacedMessages } from '@/lib/problem';
import { permits } from '@/lib/records';
import { useLogActivity } from '../hooks/use-log-activity';
import type { Direction, Priority } from '../types/activity';
import { type ComposerDraft, type ComposerType, composerBody, kEmptyDraft, type LinkTarget } from '../utils/composer-body';

const kTypes: ComposerType[] = ['call', 'meeting', 'task'];
// The fields each type's form shows, as the API names them (for placing its error messages).
const kShown: Record<ComposerType, string[]> = {
  call: ['subject', 'direction', 'duration_seconds', 'outcome'],
  meeting: ['subject', 'starts_at', 'ends_at', 'location'],
  task: ['subject', 'due_at', 'priority'],
};

type Props = { kind: string; id: number };

export function ActivityComposer({ kind, id }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const { kind: activityKind } = useKind('activity');
  const log = useLogActivity();
  const [type, setType] = useState<ComposerType>('call');
  const [draft, setDraft] = useState<ComposerDraft>(kEmptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const linkField = activityKind?.fields.find((f) => f.type === 'links' && f.target === kind);
  if (!activityKind || !linkField || !permits(activityKind.permissions.create, null, me.data ?? null)) return null;
  const target: LinkTarget = { field: linkField.name, id };

  const set = <K extends keyof ComposerDraft>(key: K, value: ComposerDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (pointer: string) => messagesAt(errors, pointer).join(' ') || undefined;
  const label = (field: string) => t(`fields.activity.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const body = composerBody(type, draft, target, new Date());
    log.mutate(body, {
      onSuccess: () => {
        setDraft(kEmptyDraft);
        setErrors({});
        notifications.show({ message: t('logActivity.logged', { subject: body.subject }), color: 'green' });
      },
      onError: (err) => {
        const fieldErrors = err instanceof ApiError ? err.fieldErrors : {};
        setErrors(fieldErrors);
        const elsewhere = unplacedMessages(fieldErrors, kShown[type]);
        setFailure(elsewhere.length > 0 ? elsewhere.join(' ') : Object.keys(fieldErrors).length > 0 ? null : errorMessage(err));
      },
    });
  };

  const switchType = (value: string) => {
    setType(value as ComposerType);
    setErrors({});
    setFailure(null);
  };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="log-activity-title" data-testid="activity-composer">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={3} size="h5" id="log-activity-title">
            {t('logActivity.title')}
          </Title>
          <SegmentedControl
            value={type}
            onChange={switchType}
            aria-label={t('logActivity.typeLabel')}
            data={kTypes.map((value) => ({ value, label: t(`choices.activity.type.${value}`) }))}
            data-testid="activity-type"
          />
          <TextInput
            label={label('subject')}
            placeholder={t(`logActivity.subjectPlaceholder.${type}`)}
            required
            value={draft.subject}
            onChange={(e) => set('subject', e.currentTarget.value)}
            error={error('subject')}
            data-testid="activity-subject"
          />
          {type === 'call' && (
            <>
              <Group grow align="flex-start">
                <Select
                  label={label('direction')}
                  data={(['outbound', 'inbound'] as const).map((value) => ({ value, label: t(`choices.activity.direction.${value}`) }))}
                  value={draft.direction}
                  onChange={(value) => set('direction', (value ?? '') as Direction)}
                  allowDeselect={false}
                  error={error('direction')}
                  data-testid="activity-direction"
                />
                <NumberInput
                  label={t('logActivity.durationMinutes')}
                  min={0}
                  decimalScale={1}
                  value={draft.durationMinutes}
                  onChange={(value) => set('durationMinutes', typeof value === 'number' ? value : value === '' ? '' : Number(value))}
                  error={error('duration_seconds')}
                  data-testid="activity-duration"
                />
              </Group>
              <TextInput
                label={label('outcome')}
                placeholder={t('logActivity.outcomePlaceholder')}
                value={draft.outcome}
                onChange={(e) => set('outcome', e.currentTarget.value)}
                error={error('outcome')}
                data-testid="activity-outcome"
              />
            </>
          )}
          {type === 'meeting' && (
            <>
              <Group grow align="flex-start">
                <TextInput
                  type="datetime-local"
                  label={label('starts_at')}
                  value={draft.startsAt}
                  onChange={(e) => set('startsAt', e.currentTarget.value)}
                  error={error('starts_at')}
                  data-testid="activity-starts"
                />
                <TextInput
                  type="datetime-local"
                  label={label('ends_at')}
                  value={draft.endsAt}
                  onChange={(e) => set('endsAt', e.currentTarget.value)}
                  error={error('ends_at')}
                  data-testid="activity-ends"
                />
              </Group>
              <TextInput
                label={label('location')}
                value={draft.location}
                onChange={(e) => set('location', e.currentTarget.value)}
                error={error('location')}
                data-testid="activity-location"
              />
            </>
          )}
          {type === 'task' && (
            <Group grow align="flex-start">
              <TextInput
                type="datetime-local"
                label={label('due_at')}
                value={draft.dueAt}
                onChange={(e) => set('dueAt', e.currentTarget.value)}
                error={error('due_at')}
                data-testid="activity-due"
              />
              <Select
                label={label('priority')}
                data={(['low', 'normal', 'high'] as const).map((value) => ({ value, label: t(`choices.activity.priority.${value}`) }))}
                value={draft.priority}
                onChange={(value) => set('priority', (value ?? 'normal') as Priority)}
                allowDeselect={false}
                error={error('priority')}
                data-testid="activity-priority"
              />
            </Group>
          )}
          <FormError message={failure} />
          <Group justify="flex-end">
            <Button type="submit" size="xs" disabled={!draft.subject.trim()} loading={log.isPending} data-testid="activity-submit">
              {t(`logActivity.submit.${type}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
