// My day's filters: the right bounds and the query string the API reads.
import { describe, expect, it } from 'vitest';
import { filterQuery } from '../api/activities';
import { midnight, myDayFilters } from './my-day-filters';

const now = new Date(2026, 11, 8, 14, 30);

describe('myDayFilters', () => {
  it('finds open tasks due before now as overdue', () => {
    const { filters, sort } = myDayFilters('overdue', 7, now);
    expect(filters).toContainEqual(['owner_id', '', '7']);
    expect(filters).toContainEqual(['status', '', 'open']);
    expect(filters).toContainEqual(['due_at', 'lt', now.toISOString()]);
    expect(sort).toBe('due_at');
  });

  it('ends today at the next local midnight', () => {
    const { filters } = myDayFilters('today', 7, now);
    expect(filters).toContainEqual(['due_at', 'lt', new Date(2026, 11, 9).toISOString()]);
    expect(filters).toContainEqual(['due_at', 'gt', new Date(now.getTime() - 1).toISOString()]);
  });

  it('takes meetings from this morning through the next seven days', () => {
    const { filters } = myDayFilters('meetings', 7, now);
    expect(filters).toContainEqual(['starts_at', 'gt', new Date(new Date(2026, 11, 8).getTime() - 1).toISOString()]);
    expect(filters).toContainEqual(['starts_at', 'lt', new Date(2026, 11, 16).toISOString()]);
    expect(filters).toContainEqual(['status', 'ne', 'cancelled']);
  });

  it('writes filter[field][op]=v', () => {
    const query = filterQuery([['status', '', 'open'], ['due_at', 'lt', 'X']], 'due_at', 50);
    expect(query.toString()).toBe('limit=50&sort=due_at&filter%5Bstatus%5D=open&filter%5Bdue_at%5D%5Blt%5D=X');
  });

  it('counts days by the calendar', () => {
    expect(midnight(now)).toEqual(new Date(2026, 11, 8));
    expect(midnight(now, 24)).toEqual(new Date(2027, 0, 1));
  });
});
