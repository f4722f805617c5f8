// The request body for an activity logged from a record page: the fields of its type, linked
// to the record. A call is logged after it happened, so it is done and started now unless the
// user says otherwise; a meeting and a task are open.
import { fromLocalInput } from '@/lib/format';
import type { ActivityWrite, Direction, Priority } from '../types/activity';

export type ComposerType = 'call' | 'meeting' | 'task';

export type ComposerDraft = {
  subject: string;
  direction: Direction;
  durationMinutes: number | '';
  outcome: string;
  startsAt: string;
  endsAt: string;
  location: string;
  dueAt: string;
  priority: Priority;
};

export const kEmptyDraft: ComposerDraft = {
  subject: '',
  direction: 'outbound',
  durationMinutes: '',
  outcome: '',
  startsAt: '',
  endsAt: '',
  location: '',
  dueAt: '',
  priority: 'normal',
};

// The record the activity is linked to, by the activity's link field that names its kind
// (contact_ids for a contact, company_ids for a company).
export type LinkTarget = { field: string; id: number };

export function composerBody(type: ComposerType, draft: ComposerDraft, target: LinkTarget, now: Date): ActivityWrite {
  const links = { [target.field]: [target.id] };
  const subject = draft.subject.trim();
  switch (type) {
    case 'call':
      return {
        type,
        subject,
        status: 'done',
        direction: draft.direction,
        starts_at: fromLocalInput(draft.startsAt) ?? now.toISOString(),
        duration_seconds: draft.durationMinutes === '' ? null : Math.round(draft.durationMinutes * 60),
        outcome: draft.outcome.trim(),
        ...links,
      };
    case 'meeting':
      return {
        type,
        subject,
        starts_at: fromLocalInput(draft.startsAt),
        ends_at: fromLocalInput(draft.endsAt),
        location: draft.location.trim(),
        ...links,
      };
    case 'task':
      return { type, subject, due_at: fromLocalInput(draft.dueAt), priority: draft.priority, ...links };
  }
}
