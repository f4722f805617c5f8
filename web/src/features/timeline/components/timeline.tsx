// A record's timeline beside its fields: the note composer for those who may write and any
// other composer the page adds (calls, meetings, tasks), then notes, activities and changes,
// newest first, with more on request.
import { Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { useTimeline } from '../hooks/use-timeline';
import { NoteComposer } from './note-composer';
import { TimelineEntry } from './timeline-entry';

type Props = { kind: string; collection: string; id: number; canWrite: boolean; composer?: ReactNode };

export function Timeline({ kind, collection, id, canWrite, composer }: Props) {
  const { t } = useTranslation();
  const timeline = useTimeline(collection, id);
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="sm" data-testid="timeline">
      <Title order={2} size="h4">
        {t('timeline.title')}
      </Title>
      {canWrite && <NoteComposer collection={collection} id={id} />}
      {composer}
      {timeline.isPending && <Skeleton h={80} />}
      {timeline.isError && <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} />}
      {!timeline.isPending && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('timeline.empty')}
        </Text>
      )}
      {items.map((item) => (
        <TimelineEntry key={`${item.type}-${item.id}`} item={item} kind={kind} />
      ))}
      {timeline.hasNextPage && (
        <Button variant="default" size="xs" onClick={() => timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          {t('timeline.more')}
        </Button>
      )}
    </Stack>
  );
}
