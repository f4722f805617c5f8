// The per-record changes of the bulk actions and the limited-concurrency runner.
import { describe, expect, it } from 'vitest';
import { contactKind } from '@/test/meta-fixture';
import type { RecordData } from '@/types/record';
import { etagOf, patchFor, runLimited, stageField } from './bulk';

const record: RecordData = { id: 4, version: 7, owner_id: 3, tags: ['vip'], lifecycle_stage: 'lead' };

describe('bulk actions', () => {
  it('patches only what changes', () => {
    expect(patchFor({ type: 'assign', ownerId: 5 }, record)).toEqual({ owner_id: 5 });
    expect(patchFor({ type: 'assign', ownerId: 3 }, record)).toBeNull();
    expect(patchFor({ type: 'addTag', tag: 'new' }, record)).toEqual({ tags: ['vip', 'new'] });
    expect(patchFor({ type: 'addTag', tag: 'vip' }, record)).toBeNull();
    expect(patchFor({ type: 'removeTag', tag: 'vip' }, record)).toEqual({ tags: [] });
    expect(patchFor({ type: 'removeTag', tag: 'other' }, record)).toBeNull();
    expect(patchFor({ type: 'stage', field: 'lifecycle_stage', value: 'customer' }, record)).toEqual({ lifecycle_stage: 'customer' });
    expect(etagOf(record)).toBe('"7"');
  });

  it('finds the kind\'s stage among its choice fields', () => {
    expect(stageField(contactKind)?.name).toBe('lifecycle_stage');
    expect(stageField({ ...contactKind, fields: [] })).toBeUndefined();
  });

  it('runs a few at a time and keeps the order of the results', async () => {
    let inFlight = 0;
    let most = 0;
    const progress: number[] = [];
    const results = await runLimited(
      [1, 2, 3, 4, 5, 6, 7],
      3,
      async (n) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 8 - n));
        inFlight -= 1;
        if (n === 5) throw new Error('five');
        return n * 10;
      },
      (settled) => progress.push(settled),
    );
    expect(most).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([10, 20, 30, 40, 'failed', 60, 70]);
  });
});
