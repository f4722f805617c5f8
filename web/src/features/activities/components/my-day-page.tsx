// My day: the signed-in user's overdue tasks, tasks due today and meetings of today and the
// next seven days, each linked to the activity and its records; tasks are marked done in place.
import { Anchor, Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconCalendarCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useErrorMessage } from '@/hooks/use-error-message';
import { useMe } from '@/hooks/use-me';
import { useLinkedTitles } from '../hooks/use-linked-titles';
import { kMyDayLimit, useCompleteTask, useMyDaySection } from '../hooks/use-my-day';
import type { Activity } from '../types/activity';
import type { MyDaySection } from '../utils/my-day-filters';
import type { Titles } from './linked-records';
import { MyDayItem } from './my-day-item';

const kSections: MyDaySection[] = ['overdue', 'today', 'meetings'];

type SectionProps = {
  section: MyDaySection;
  query: ReturnType<typeof useMyDaySection>;
  titles: Titles;
};

function Section({ section, query, titles }: SectionProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const complete = useCompleteTask();
  const items = query.data?.items ?? [];

  const done = (activity: Activity) =>
    complete.mutate(activity, {
      onSuccess: () => notifications.show({ message: t('myDay.markedDone', { subject: activity.subject }), color: 'green' }),
      onError: (error) => notifications.show({ message: errorMessage(error), color: 'red' }),
    });

  return (
    <Stack gap="xs" component="section" aria-labelledby={`my-day-${section}`} data-testid={`my-day-${section}`}>
      <Group gap="xs">
        <Title order={2} size="h4" id={`my-day-${section}`}>
          {t(`myDay.section.${section}`)}
        </Title>
        {items.length > 0 && (
          <Badge variant="light" color={section === 'overdue' ? 'red.8' : 'blue'} circle>
            {items.length}
          </Badge>
        )}
      </Group>
      {query.isPending && <Skeleton h={64} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(`myDay.none.${section}`)}
        </Text>
      )}
      {items.map((activity) => (
        <MyDayItem
          key={activity.id}
          activity={activity}
          titles={titles}
          overdue={section === 'overdue'}
          onDone={activity.type === 'task' && activity.status === 'open' ? () => done(activity) : undefined}
          pending={complete.isPending && complete.variables?.id === activity.id}
        />
      ))}
      {query.data?.next && (
        <Text size="sm">
          {t('myDay.more', { count: kMyDayLimit })}{' '}
          <Anchor component={Link} to="/r/activity">
            {t('myDay.allActivities')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

function EmptyDay() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" gap="xs" data-testid="my-day-empty">
      <IconCalendarCheck size={40} aria-hidden />
      <Title order={2} size="h4">
        {t('myDay.emptyTitle')}
      </Title>
      <Text size="sm" c="dimmed" ta="center" maw={520}>
        {t('myDay.emptyBody')}
      </Text>
      <Button component={Link} to="/r/contact" leftSection={<IconAddressBook size={16} aria-hidden />}>
        {t('myDay.openContacts')}
      </Button>
    </Stack>
  );
}

export function MyDayPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const userId = me.data?.id;
  const overdue = useMyDaySection('overdue', userId);
  const today = useMyDaySection('today', userId);
  const meetings = useMyDaySection('meetings', userId);
  const queries = { overdue, today, meetings };
  const all = kSections.flatMap((s) => queries[s].data?.items ?? []);
  const titles: Titles = {
    contact: useLinkedTitles('contact', all.flatMap((a) => a.contact_ids)),
    company: useLinkedTitles('company', all.flatMap((a) => a.company_ids)),
  };
  const empty = kSections.every((s) => queries[s].isSuccess && queries[s].data.items.length === 0);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' }).format(new Date());

  return (
    <Stack p="md" gap="lg" maw={960} data-testid="my-day">
      <div>
        <Title order={1} size="h2">
          {t('myDay.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {date}
        </Text>
      </div>
      {empty ? (
        <EmptyDay />
      ) : (
        kSections.map((section) => <Section key={section} section={section} query={queries[section]} titles={titles} />)
      )}
    </Stack>
  );
}
