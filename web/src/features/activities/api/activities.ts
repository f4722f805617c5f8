// The activity endpoints My day and the composers use: a filtered list, logging one, and
// marking a task done under If-Match.
import { apiGet, apiRequest } from '@/lib/api-client';
import type { Page } from '@/types/record';
import type { Activity, ActivityWrite } from '../types/activity';

// [field, op, value]; op '' is plain equality (filter[field]=v).
export type Filter = [string, '' | 'ne' | 'lt' | 'gt' | 'in' | 'contains' | 'empty', string];

export function filterQuery(filters: Filter[], sort: string, limit: number): URLSearchParams {
  const query = new URLSearchParams({ limit: String(limit), sort });
  for (const [field, op, value] of filters) query.append(op ? `filter[${field}][${op}]` : `filter[${field}]`, value);
  return query;
}

export function listActivities(filters: Filter[], sort: string, limit: number, signal: AbortSignal) {
  return apiGet<Page<Activity>>(`/api/v1/activities?${filterQuery(filters, sort, limit)}`, signal);
}

export async function createActivity(body: ActivityWrite): Promise<Activity> {
  return (await apiRequest<Activity>('/api/v1/activities', { method: 'POST', body })).data;
}

// The ETag of a record is its version as a strong tag ("3"), so the version the user saw in
// the list is the one the write must match.
export async function setActivityStatus(activity: Activity, status: Activity['status']): Promise<Activity> {
  const ifMatch = `"${activity.version}"`;
  return (await apiRequest<Activity>(`/api/v1/activities/${activity.id}`, { method: 'PATCH', body: { status }, ifMatch }))
    .data;
}
