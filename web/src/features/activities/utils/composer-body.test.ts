// The bodies the activity composer sends for each type.
import { describe, expect, it } from 'vitest';
import { composerBody, kEmptyDraft } from './composer-body';

const now = new Date('2026-12-08T09:00:00Z');

describe('composerBody', () => {
  it('logs a call as done, now, with its minutes in seconds, on a contact', () => {
    const body = composerBody('call', { ...kEmptyDraft, subject: ' Follow-up ', durationMinutes: 12.5, outcome: 'Agreed' }, { field: 'contact_ids', id: 4 }, now);
    expect(body).toEqual({
      type: 'call',
      subject: 'Follow-up',
      status: 'done',
      direction: 'outbound',
      starts_at: '2026-12-08T09:00:00.000Z',
      duration_seconds: 750,
      outcome: 'Agreed',
      contact_ids: [4],
    });
  });

  it('links a task on a company to the company, with no due date when none is given', () => {
    const body = composerBody('task', { ...kEmptyDraft, subject: 'Send quote', priority: 'high' }, { field: 'company_ids', id: 9 }, now);
    expect(body).toEqual({ type: 'task', subject: 'Send quote', due_at: null, priority: 'high', company_ids: [9] });
  });

  it('sends a meeting its times as UTC instants', () => {
    const body = composerBody('meeting', { ...kEmptyDraft, subject: 'Demo', startsAt: '2026-12-09T10:00', endsAt: '2026-12-09T11:00' }, { field: 'contact_ids', id: 1 }, now);
    expect(body.starts_at).toBe(new Date(2026, 11, 9, 10).toISOString());
    expect(body.ends_at).toBe(new Date(2026, 11, 9, 11).toISOString());
  });
});
