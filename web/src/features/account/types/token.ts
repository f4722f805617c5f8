// A personal API token as GET /api/v1/tokens answers it; the secret comes only once, on creation.
export type TokenScope = 'read' | 'read-write';

export type ApiToken = {
  id: number;
  user_id: number;
  name: string;
  scope: TokenScope;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type CreatedToken = ApiToken & { secret: string };

export type TokenRequest = { name: string; scope: TokenScope; expires_at?: string; password: string };
