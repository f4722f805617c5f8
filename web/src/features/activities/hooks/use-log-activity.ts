// Logs a call, meeting or task linked to a record; the record's timeline and My day show it at
// once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createActivity } from '../api/activities';
import type { ActivityWrite } from '../types/activity';
import { invalidateActivities } from './use-my-day';

export function useLogActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityWrite) => createActivity(body),
    onSuccess: (activity) => invalidateActivities(queryClient, activity.id),
  });
}
