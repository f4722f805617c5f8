// The filter builder's conditions to and from the API's query syntax, as the URL and saved
// views carry it.
import { describe, expect, it } from 'vitest';
import { contactKind } from '@/test/meta-fixture';
import type { KindMeta } from '@/types/meta';
import {
  addCondition,
  type FilterCondition,
  filterableFields,
  isValidCondition,
  listQueryString,
  parseFilters,
  withFilters,
} from './list-filters';

const stage: FilterCondition = { field: 'lifecycle_stage', op: 'eq', value: 'lead' };
const owners: FilterCondition = { field: 'owner_id', op: 'in', value: '3,7' };
const noTags: FilterCondition = { field: 'tags', op: 'empty', value: 'true' };
const region: FilterCondition = { field: 'custom.region', op: 'contains', value: 'Nord & Süd' };

describe('list filters', () => {
  it('writes eq without an operator and the others with one', () => {
    const params = withFilters(new URLSearchParams('sort=-updated_at'), [stage, owners, noTags, region]);
    expect([...params.keys()]).toEqual([
      'sort',
      'filter[lifecycle_stage]',
      'filter[owner_id][in]',
      'filter[tags][empty]',
      'filter[custom.region][contains]',
    ]);
    expect(params.toString()).toBe(
      'sort=-updated_at&filter%5Blifecycle_stage%5D=lead&filter%5Bowner_id%5D%5Bin%5D=3%2C7' +
        '&filter%5Btags%5D%5Bempty%5D=true&filter%5Bcustom.region%5D%5Bcontains%5D=Nord+%26+S%C3%BCd',
    );
  });

  it('reads back what it wrote, values decoded', () => {
    const written = withFilters(new URLSearchParams('q=x'), [stage, owners, noTags, region]).toString();
    expect(parseFilters(new URLSearchParams(written))).toEqual([stage, owners, noTags, region]);
  });

  it('reads a hand-written link and skips what is not a filter the API takes', () => {
    const params = new URLSearchParams(
      'q=anna&filter[lifecycle_stage]=customer&filter[created_at][gt]=2026-01-01T00:00:00Z' +
        '&filter[owner_id][eq]=3&filter[tags][like]=x&filter[Bad]=1&filterx=2&view=4',
    );
    expect(parseFilters(params)).toEqual([
      { field: 'lifecycle_stage', op: 'eq', value: 'customer' },
      { field: 'created_at', op: 'gt', value: '2026-01-01T00:00:00Z' },
    ]);
  });

  it('replaces the filters but keeps the other parameters', () => {
    const params = new URLSearchParams('sort=family_name&filter[tags]=vip&view=2');
    expect(withFilters(params, [stage]).toString()).toBe('sort=family_name&view=2&filter%5Blifecycle_stage%5D=lead');
    expect(withFilters(params, []).toString()).toBe('sort=family_name&view=2');
  });

  it('keeps one condition per field and operator, the newest', () => {
    const next = addCondition([stage, owners], { field: 'lifecycle_stage', op: 'eq', value: 'customer' });
    expect(next).toEqual([owners, { field: 'lifecycle_stage', op: 'eq', value: 'customer' }]);
    expect(addCondition(next, { field: 'lifecycle_stage', op: 'ne', value: 'lead' })).toHaveLength(3);
  });

  it('keeps sort, search and filters for a saved view, not paging or screen state', () => {
    const params = new URLSearchParams('view=5&limit=50&after=abc&filter[owner_id]=3&q=x&sort=-updated_at');
    expect(listQueryString(params)).toBe('sort=-updated_at&q=x&filter%5Bowner_id%5D=3');
    expect(listQueryString(new URLSearchParams(''))).toBe('');
  });

  it('offers the filterable fields and checks a condition against the metadata', () => {
    const kind: KindMeta = {
      ...contactKind,
      fields: contactKind.fields.map((f) =>
        f.name === 'lifecycle_stage' || f.name === 'owner_id'
          ? { ...f, filterable: true, operators: ['eq', 'ne', 'in', 'empty'] }
          : f,
      ),
    };
    expect(filterableFields(kind).map((f) => f.name)).toEqual(['lifecycle_stage', 'owner_id']);
    expect(isValidCondition(kind, stage)).toBe(true);
    expect(isValidCondition(kind, owners)).toBe(true);
    expect(isValidCondition(kind, { ...stage, op: 'contains' })).toBe(false);
    expect(isValidCondition(kind, { ...stage, value: '' })).toBe(false);
    expect(isValidCondition(kind, { ...owners, value: '3,' })).toBe(false);
    expect(isValidCondition(kind, { field: 'owner_id', op: 'empty', value: 'yes' })).toBe(false);
    expect(isValidCondition(kind, noTags)).toBe(false);
  });
});
