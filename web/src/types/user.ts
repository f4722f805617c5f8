// A Rapport user as the API answers it (GET /api/v1/me, /users).
export type Role = 'admin' | 'manager' | 'sales' | 'support' | 'marketing' | 'read_only';

export type User = {
  id: number; version: number; email: string; display_name: string; role: Role;
  team_id: number | null;
  active: boolean;
  locked: boolean;
  language: string | null;
  time_zone: string | null;
  created_at?: string;
};

export type Team = { id: number; name: string };
