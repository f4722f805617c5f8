// One task or meeting in My day: what and when, the records it concerns, and for an open task
// a button that marks it done.
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import type { Activity } from '../types/activity';
import { LinkedRecords, type Titles } from './linked-records';

type Props = { activity: Activity; titles: Titles; overdue: boolean; onDone?: () => void; pending: boolean };

export function MyDayItem({ activity, titles, overdue, onDone, pending }: Props) {
  const { t, i18n } = useTranslation();
  const task = activity.type === 'task';
  const when = formatDateTime(task ? activity.due_at : activity.starts_at, i18n.language);
  const until = !task && activity.ends_at ? formatDateTime(activity.ends_at, i18n.language) : '';

  return (
    <Paper withBorder p="sm" data-testid="my-day-item" data-activity-id={activity.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/r/activity/${activity.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>
              {activity.subject || `#${activity.id}`}
            </Anchor>
            {activity.priority === 'high' && (
              <Badge color="red.8" variant="light" tt="none">
                {t('choices.activity.priority.high')}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="wrap">
            <Text size="sm" c={overdue ? 'red.8' : 'dimmed'}>
              {task ? t('myDay.due', { when }) : until ? t('myDay.span', { start: when, end: until }) : when}
            </Text>
            {!task && activity.location && (
              <Group gap={4} wrap="nowrap">
                <IconMapPin size={14} aria-hidden />
                <Text size="sm" c="dimmed">
                  {activity.location}
                </Text>
              </Group>
            )}
          </Group>
          <LinkedRecords activity={activity} titles={titles} />
        </Stack>
        {onDone && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconCheck size={14} aria-hidden />}
            onClick={onDone}
            loading={pending}
            aria-label={t('myDay.markDoneLabel', { subject: activity.subject })}
            data-testid="mark-done"
          >
            {t('myDay.markDone')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
