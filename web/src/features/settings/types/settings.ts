// What the admin settings read and write: users, teams, custom field definitions, audit entries.
import type { Role } from '@/types/user';

export const kRoles: readonly Role[] = ['admin', 'manager', 'sales', 'support', 'marketing', 'read_only'];

export type UserCreate = { email: string; display_name: string; role: Role; team_id: number | null; password: string };
export type UserUpdate = { display_name?: string; role?: Role; team_id?: number | null; active?: boolean };

export type TeamRow = { id: number; version: number; name: string; created_at: string; updated_at: string };

export const kEntities = ['contact', 'company', 'activity'] as const;
export type Entity = (typeof kEntities)[number];

export const kFieldTypes = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'date_time',
  'boolean',
  'single_select',
  'multi_select',
  'url',
  'email',
  'phone',
] as const;
export type FieldType = (typeof kFieldTypes)[number];

export type CustomField = {
  id: number;
  version: number;
  entity: Entity;
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  required: boolean;
  unique: boolean;
  created_at: string;
  updated_at: string;
};

export type CustomFieldCreate = {
  entity: Entity;
  key: string;
  label: string;
  type: FieldType;
  options?: string[];
  required: boolean;
  unique: boolean;
};
export type CustomFieldUpdate = { label: string; options?: string[]; required: boolean; unique: boolean };

export type AuditChange = { before?: unknown; after?: unknown };

export type AuditEntry = {
  id: number;
  actor_id: number | null;
  action: string;
  object_type: string;
  object_id: number | null;
  changes: Record<string, AuditChange | unknown>;
  at: string;
  client_address: string;
};

export type AuditFilter = { actor_id?: string; action?: string; object_type?: string; from?: string; to?: string };
