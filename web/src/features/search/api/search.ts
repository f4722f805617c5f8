// One kind's search: the first few records q finds (the list endpoint with q=).
import { apiGet } from '@/lib/api-client';
import type { Page, RecordData } from '@/types/record';

export const kResultsPerKind = 5;

export function searchKind(collection: string, q: string, signal: AbortSignal): Promise<Page<RecordData>> {
  const params = new URLSearchParams({ q, limit: String(kResultsPerKind) });
  return apiGet<Page<RecordData>>(`/api/v1/${collection}?${params}`, signal);
}
