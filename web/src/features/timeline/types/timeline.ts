// Entries of a record's timeline (GET /api/v1/<collection>/<id>/timeline).
export type Note = { id: number; body: string; created_at: string; created_by: number | null };

export type Change = {
  id: number;
  actor_id: number | null;
  action: string;
  at: string;
  redacted: boolean;
  changes: Record<string, { before: unknown; after: unknown }> | null;
};

export type TimelineActivity = { id: number; type: string; subject: string; status: string };

export type TimelineItem = {
  type: 'note' | 'change' | 'activity';
  at: string;
  id: number;
  note?: Note;
  change?: Change;
  activity?: TimelineActivity;
};
