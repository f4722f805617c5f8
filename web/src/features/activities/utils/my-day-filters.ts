// The three lists of My day as API filters, with the day's bounds in the user's display time
// zone: open tasks overdue (due before now), open tasks due in the rest of today, and meetings
// from the start of today through the next seven days.
import { fromLocalInput, toLocalInput } from '@/lib/format';
import type { Filter } from '../api/activities';

export type MyDaySection = 'overdue' | 'today' | 'meetings';

export const kMeetingDays = 7;

// Midnight, in the display zone, of the calendar day n days after the one `now` falls on
// (counted on the calendar, not as n × 24 hours, which a daylight-saving change would shift).
export function midnight(now: Date, n = 0): Date {
  const [year, month, day] = toLocalInput(now.toISOString()).slice(0, 10).split('-').map(Number);
  const ymd = new Date(Date.UTC(year!, month! - 1, day! + n)).toISOString().slice(0, 10);
  return new Date(fromLocalInput(`${ymd}T00:00`)!);
}

// gt is strict, so "from midnight" asks for after the millisecond before it.
function justBefore(date: Date): string {
  return new Date(date.getTime() - 1).toISOString();
}

export function myDayFilters(section: MyDaySection, userId: number, now: Date): { filters: Filter[]; sort: string } {
  const mine: Filter = ['owner_id', '', String(userId)];
  switch (section) {
    case 'overdue':
      return {
        filters: [mine, ['type', '', 'task'], ['status', '', 'open'], ['due_at', 'lt', now.toISOString()]],
        sort: 'due_at',
      };
    case 'today':
      return {
        filters: [
          mine,
          ['type', '', 'task'],
          ['status', '', 'open'],
          ['due_at', 'gt', justBefore(now)],
          ['due_at', 'lt', midnight(now, 1).toISOString()],
        ],
        sort: 'due_at',
      };
    case 'meetings':
      return {
        filters: [
          mine,
          ['type', '', 'meeting'],
          ['status', 'ne', 'cancelled'],
          ['starts_at', 'gt', justBefore(midnight(now))],
          ['starts_at', 'lt', midnight(now, kMeetingDays + 1).toISOString()],
        ],
        sort: 'starts_at',
      };
  }
}
