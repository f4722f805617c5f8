// What a bulk action does to one record, and running such changes a few at a time: there is no
// bulk endpoint, so each record gets its own request under If-Match with the version it was read at.
import type { FieldMeta, KindMeta } from '@/types/meta';
import type { RecordData } from '@/types/record';

export type BulkAction =
  | { type: 'assign'; ownerId: number }
  | { type: 'addTag'; tag: string }
  | { type: 'removeTag'; tag: string }
  | { type: 'stage'; field: string; value: string }
  | { type: 'trash' };

// The metadata does not mark a stage; these are the names kinds give their pipeline field, in
// the order preferred (a contact's lifecycle stage, an activity's or a ticket's status).
const kStageNames = ['stage', 'lifecycle_stage', 'pipeline_stage', 'status'];

export function stageField(kind: KindMeta): FieldMeta | undefined {
  for (const name of kStageNames) {
    const field = kind.fields.find((f) => f.name === name && !f.read_only && (f.options?.length ?? 0) > 0);
    if (field) return field;
  }
  return undefined;
}

export type BulkKind = 'assign' | 'addTag' | 'removeTag' | 'stage' | 'trash';

// The bulk actions the caller's permissions on the kind allow, in menu order; per-record scope
// (own, team) is checked again for each selected row.
export function offeredActions(kind: KindMeta): BulkKind[] {
  const has = (name: string) => kind.fields.some((f) => f.name === name && !f.read_only);
  const canUpdate = kind.permissions.update !== null;
  const offers: Record<BulkKind, boolean> = {
    assign: canUpdate && kind.permissions.assign !== null && has('owner_id'),
    addTag: canUpdate && has('tags'),
    removeTag: canUpdate && has('tags'),
    stage: canUpdate && stageField(kind) !== undefined,
    trash: kind.trash && kind.permissions.delete !== null,
  };
  return (Object.keys(offers) as BulkKind[]).filter((k) => offers[k]);
}

export function etagOf(record: RecordData): string {
  return `"${record.version}"`;
}

function tagsOf(record: RecordData): string[] {
  return Array.isArray(record.tags) ? (record.tags as string[]) : [];
}

// The PATCH body that applies the action to this record, or null when the record already is as
// asked (no request needed); trash is not a PATCH and has no body.
export function patchFor(action: BulkAction, record: RecordData): Record<string, unknown> | null {
  switch (action.type) {
    case 'assign':
      return record.owner_id === action.ownerId ? null : { owner_id: action.ownerId };
    case 'addTag': {
      const tags = tagsOf(record);
      return tags.includes(action.tag) ? null : { tags: [...tags, action.tag] };
    }
    case 'removeTag': {
      const tags = tagsOf(record);
      return tags.includes(action.tag) ? { tags: tags.filter((t) => t !== action.tag) } : null;
    }
    case 'stage':
      return record[action.field] === action.value ? null : { [action.field]: action.value };
    case 'trash':
      return null;
  }
}

// Runs task on every item with at most `limit` in flight, calling onSettled after each; the
// results come back in the items' order.
export async function runLimited<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
  onSettled: (settled: number) => void,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  let settled = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await task(items[index]!) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
      settled += 1;
      onSettled(settled);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
