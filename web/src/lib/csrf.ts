// Holds the CSRF token that sign-in returns. GET /api/v1/session does not repeat it, and the
// session cookie is shared by every tab, so the token lives in localStorage (not per tab).
const kKey = 'rapport.csrf';

export function csrfToken(): string | null {
  return localStorage.getItem(kKey);
}

export function setCsrfToken(token: string | null): void {
  if (token === null) localStorage.removeItem(kKey);
  else localStorage.setItem(kKey, token);
}
