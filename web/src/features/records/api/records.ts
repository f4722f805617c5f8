// The generic record endpoints of any kind: /api/v1/<collection>[/<id>].
import { type ApiResponse, apiGet, apiRequest } from '@/lib/api-client';
import type { Page, RecordData } from '@/types/record';

export const kPageSize = 50;

export type ListParams = { sort: string; q: string; after?: string | null };

export function listPage(collection: string, params: ListParams, signal: AbortSignal): Promise<Page<RecordData>> {
  const query = new URLSearchParams({ limit: String(kPageSize), sort: params.sort });
  if (params.q.trim()) query.set('q', params.q.trim());
  if (params.after) query.set('after', params.after);
  return apiGet<Page<RecordData>>(`/api/v1/${collection}?${query}`, signal);
}

export function getRecord(collection: string, id: number, signal?: AbortSignal): Promise<ApiResponse<RecordData>> {
  return apiRequest<RecordData>(`/api/v1/${collection}/${id}`, { signal });
}

export async function createRecord(collection: string, body: Record<string, unknown>): Promise<RecordData> {
  return (await apiRequest<RecordData>(`/api/v1/${collection}`, { method: 'POST', body })).data;
}

export function updateRecord(
  collection: string,
  id: number,
  body: Record<string, unknown>,
  etag: string | null,
): Promise<ApiResponse<RecordData>> {
  return apiRequest<RecordData>(`/api/v1/${collection}/${id}`, { method: 'PATCH', body, ifMatch: etag });
}

export async function trashRecord(collection: string, id: number, etag: string | null): Promise<void> {
  await apiRequest<null>(`/api/v1/${collection}/${id}`, { method: 'DELETE', ifMatch: etag });
}
