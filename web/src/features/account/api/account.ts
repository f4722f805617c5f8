// The signed-in user's own password and API tokens: /api/v1/users/{id}/password, /api/v1/tokens.
import { apiGet, apiRequest } from '@/lib/api-client';
import type { ApiToken, CreatedToken, TokenRequest } from '../types/token';

export async function changePassword(userId: number, currentPassword: string, password: string): Promise<void> {
  await apiRequest<null>(`/api/v1/users/${userId}/password`, {
    method: 'POST',
    body: { current_password: currentPassword, password },
  });
}

export async function listTokens(signal: AbortSignal): Promise<ApiToken[]> {
  return (await apiGet<{ items: ApiToken[] }>('/api/v1/tokens', signal)).items;
}

export async function createToken(request: TokenRequest): Promise<CreatedToken> {
  return (await apiRequest<CreatedToken>('/api/v1/tokens', { method: 'POST', body: request })).data;
}

export async function revokeToken(id: number): Promise<void> {
  await apiRequest<null>(`/api/v1/tokens/${id}`, { method: 'DELETE' });
}
