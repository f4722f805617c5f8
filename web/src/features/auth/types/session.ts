// The answer of POST /api/v1/session.
import type { User } from '@/types/user';

export type SessionCreated = { csrf_token: string; expires_at: string; user: User };
