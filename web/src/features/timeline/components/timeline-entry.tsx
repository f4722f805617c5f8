// One timeline entry: a note's text, an activity as a link, or a change with the fields it
// touched.
import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUsers } from '@/hooks/use-directory';
import { formatDateTime } from '@/lib/format';
import type { TimelineItem } from '../types/timeline';

function useAuthor(id: number | null | undefined): string {
  const { t } = useTranslation();
  const users = useUsers();
  if (id === null || id === undefined) return t('timeline.system');
  return users.data?.find((u) => u.id === id)?.display_name ?? `#${id}`;
}

export function TimelineEntry({ item, kind }: { item: TimelineItem; kind: string }) {
  const { t, i18n } = useTranslation();
  const author = useAuthor(item.note?.created_by ?? item.change?.actor_id);
  const when = formatDateTime(item.at, i18n.language);

  if (item.type === 'activity' && item.activity) {
    const activity = item.activity;
    return (
      <Paper withBorder p="xs" data-testid="timeline-activity">
        <Group gap="xs" justify="space-between">
          <Badge variant="light" tt="none">
            {t(`choices.activity.type.${activity.type}`, { defaultValue: activity.type })}
          </Badge>
          <Text size="xs" c="dimmed">
            {when}
          </Text>
        </Group>
        <Anchor component={Link} to={`/r/activity/${activity.id}`} size="sm">
          {activity.subject}
        </Anchor>
      </Paper>
    );
  }
  if (item.type === 'note' && item.note) {
    return (
      <Paper withBorder p="xs" data-testid="timeline-note">
        <Group gap="xs" justify="space-between">
          <Text size="xs" fw={500}>
            {t('timeline.noteBy', { author })}
          </Text>
          <Text size="xs" c="dimmed">
            {when}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.note.body}
        </Text>
      </Paper>
    );
  }
  const change = item.change;
  const fields = Object.keys(change?.changes ?? {}).map((name) =>
    t(`fields.${kind}.${name}`, { defaultValue: name }),
  );
  return (
    <Paper withBorder p="xs" data-testid="timeline-change">
      <Group gap="xs" justify="space-between">
        <Text size="xs" fw={500}>
          {t(`timeline.action.${change?.action ?? 'update'}`, { defaultValue: change?.action ?? '', author })}
        </Text>
        <Text size="xs" c="dimmed">
          {when}
        </Text>
      </Group>
      {fields.length > 0 && (
        <Text size="xs" c="dimmed">
          {fields.join(', ')}
        </Text>
      )}
    </Paper>
  );
}
