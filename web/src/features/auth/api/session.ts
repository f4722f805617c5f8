// Sign-in and sign-out: POST and DELETE /api/v1/session.
import { apiRequest } from '@/lib/api-client';
import type { SessionCreated } from '../types/session';

export async function signIn(email: string, password: string): Promise<SessionCreated> {
  const { data } = await apiRequest<SessionCreated>('/api/v1/session', { method: 'POST', body: { email, password } });
  return data;
}

export async function signOut(): Promise<void> {
  await apiRequest<null>('/api/v1/session', { method: 'DELETE' });
}
