// An activity as GET /api/v1/activities answers it (the fields the web app reads), and what a
// composer sends to log one.
export type ActivityType = 'call' | 'meeting' | 'task' | 'email';
export type ActivityStatus = 'open' | 'done' | 'cancelled';
export type Priority = 'low' | 'normal' | 'high';
export type Direction = '' | 'inbound' | 'outbound';

export type Activity = {
  id: number;
  version: number;
  type: ActivityType;
  subject: string;
  status: ActivityStatus;
  priority: Priority;
  direction: Direction;
  starts_at: string | null;
  ends_at: string | null;
  due_at: string | null;
  duration_seconds: number | null;
  outcome: string;
  location: string;
  contact_ids: number[];
  company_ids: number[];
  owner_id: number | null;
};

export type ActivityWrite = {
  type: ActivityType;
  subject: string;
  status?: ActivityStatus;
  priority?: Priority;
  direction?: Direction;
  starts_at?: string | null;
  ends_at?: string | null;
  due_at?: string | null;
  duration_seconds?: number | null;
  outcome?: string;
  location?: string;
  contact_ids?: number[];
  company_ids?: number[];
};
