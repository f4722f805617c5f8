// The signed-in user's lists for My day, and marking a task done from there; both refresh
// whatever else shows activities (lists, timelines, the activity's own page).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listActivities, setActivityStatus } from '../api/activities';
import type { Activity } from '../types/activity';
import { type MyDaySection, myDayFilters } from '../utils/my-day-filters';

export const kMyDayLimit = 50;

export function useMyDaySection(section: MyDaySection, userId: number | undefined) {
  return useQuery({
    queryKey: ['my-day', section, userId],
    queryFn: ({ signal }) => {
      const { filters, sort } = myDayFilters(section, userId!, new Date());
      return listActivities(filters, sort, kMyDayLimit, signal);
    },
    enabled: userId !== undefined,
    refetchInterval: 5 * 60_000,
  });
}

export function invalidateActivities(queryClient: ReturnType<typeof useQueryClient>, id?: number) {
  void queryClient.invalidateQueries({ queryKey: ['my-day'] });
  void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  void queryClient.invalidateQueries({ queryKey: ['list', 'activities'] });
  if (id !== undefined) void queryClient.invalidateQueries({ queryKey: ['record', 'activities', id] });
}

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activity: Activity) => setActivityStatus(activity, 'done'),
    onSettled: (_data, _error, activity) => invalidateActivities(queryClient, activity.id),
  });
}
