// The admin endpoints: /api/v1/users, /teams, /custom-fields and /audit. Writes to an existing
// object send its version as If-Match ("3"), the ETag the server gave it.
import { apiGet, apiRequest } from '@/lib/api-client';
import type { Page } from '@/types/record';
import type { User } from '@/types/user';
import type {
  AuditEntry,
  AuditFilter,
  CustomField,
  CustomFieldCreate,
  CustomFieldUpdate,
  Entity,
  TeamRow,
  UserCreate,
  UserUpdate,
} from '../types/settings';

const etag = (version: number) => `"${version}"`;

export const kSettingsPageSize = 50;

export function listUsers(after: string | null, signal: AbortSignal): Promise<Page<User>> {
  const query = new URLSearchParams({ limit: String(kSettingsPageSize) });
  if (after) query.set('after', after);
  return apiGet<Page<User>>(`/api/v1/users?${query}`, signal);
}

export async function createUser(body: UserCreate): Promise<User> {
  return (await apiRequest<User>('/api/v1/users', { method: 'POST', body })).data;
}

export async function updateUser(user: User, body: UserUpdate): Promise<User> {
  return (await apiRequest<User>(`/api/v1/users/${user.id}`, { method: 'PATCH', body, ifMatch: etag(user.version) })).data;
}

export async function unlockUser(id: number): Promise<User> {
  return (await apiRequest<User>(`/api/v1/users/${id}/unlock`, { method: 'POST' })).data;
}

export async function listTeams(signal: AbortSignal): Promise<TeamRow[]> {
  return (await apiGet<Page<TeamRow>>('/api/v1/teams', signal)).items;
}

export async function createTeam(name: string): Promise<TeamRow> {
  return (await apiRequest<TeamRow>('/api/v1/teams', { method: 'POST', body: { name } })).data;
}

export async function renameTeam(team: TeamRow, name: string): Promise<TeamRow> {
  return (await apiRequest<TeamRow>(`/api/v1/teams/${team.id}`, { method: 'PATCH', body: { name }, ifMatch: etag(team.version) })).data;
}

export async function deleteTeam(team: TeamRow): Promise<void> {
  await apiRequest<null>(`/api/v1/teams/${team.id}`, { method: 'DELETE', ifMatch: etag(team.version) });
}

export async function listCustomFields(entity: Entity, signal: AbortSignal): Promise<CustomField[]> {
  return (await apiGet<Page<CustomField>>(`/api/v1/custom-fields?entity=${entity}`, signal)).items;
}

export async function createCustomField(body: CustomFieldCreate): Promise<CustomField> {
  return (await apiRequest<CustomField>('/api/v1/custom-fields', { method: 'POST', body })).data;
}

export async function updateCustomField(field: CustomField, body: CustomFieldUpdate): Promise<CustomField> {
  return (
    await apiRequest<CustomField>(`/api/v1/custom-fields/${field.id}`, { method: 'PATCH', body, ifMatch: etag(field.version) })
  ).data;
}

export async function deleteCustomField(field: CustomField): Promise<void> {
  await apiRequest<null>(`/api/v1/custom-fields/${field.id}`, { method: 'DELETE', ifMatch: etag(field.version) });
}

export function listAudit(filter: AuditFilter, after: string | null, signal: AbortSignal): Promise<Page<AuditEntry>> {
  const query = new URLSearchParams({ limit: String(kSettingsPageSize) });
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  if (after) query.set('after', after);
  return apiGet<Page<AuditEntry>>(`/api/v1/audit?${query}`, signal);
}
