// The API client: problem+json answers become ApiError with per-field messages, the CSRF
// token and If-Match go out with writes, and a dead server is status 0.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, onUnauthenticated } from './api-client';
import { setCsrfToken } from './csrf';
import { messagesAt, messagesUnder, pointerOf, unplacedMessages } from './problem';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn().mockResolvedValue(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/problem+json', ...headers },
    }),
  );
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const invalid = {
  type: '/problems/invalid',
  title: 'Validation failed',
  status: 422,
  detail: 'the contact is invalid',
  errors: [
    { field: 'emails/0/address', message: 'email address needs an @' },
    { field: 'phones/0/number', message: 'not a valid phone number in PH' },
    { field: 'custom/region', message: 'is required' },
    { field: 'emails/0/address', message: 'is too long' },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('apiRequest', () => {
  it('maps a problem document to messages per field', async () => {
    vi.stubGlobal('fetch', answer(422, invalid));
    const error = await failure(apiRequest('/api/v1/contacts/1', { method: 'PATCH', body: {}, ifMatch: '"1"' }));
    expect(error.status).toBe(422);
    expect(error.message).toBe('the contact is invalid');
    expect(messagesAt(error.fieldErrors, 'emails/0/address')).toEqual(['email address needs an @', 'is too long']);
    expect(messagesUnder(error.fieldErrors, 'phones')).toEqual(['not a valid phone number in PH']);
    expect(messagesAt(error.fieldErrors, pointerOf('custom.region'))).toEqual(['is required']);
    expect(unplacedMessages(error.fieldErrors, ['emails', 'custom/region'])).toEqual(['not a valid phone number in PH']);
  });

  it('sends the CSRF token and If-Match with a write', async () => {
    setCsrfToken('token-1');
    const fetch = vi.fn().mockResolvedValue(new Response('{"id":1}', { status: 200, headers: { ETag: '"2"' } }));
    vi.stubGlobal('fetch', fetch);
    const response = await apiRequest('/api/v1/contacts/1', { method: 'PATCH', body: { notes: 'x' }, ifMatch: '"1"' });
    const init = fetch.mock.calls[0]![1] as RequestInit;
    const headers = init.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe('token-1');
    expect(headers['If-Match']).toBe('"1"');
    expect(init.body).toBe('{"notes":"x"}');
    expect(response.etag).toBe('"2"');
  });

  it('reads Retry-After on 429', async () => {
    vi.stubGlobal('fetch', answer(429, { type: '/problems/throttled', title: 'Too many', status: 429, detail: 'wait' }, { 'Retry-After': '17' }));
    const error = await failure(apiRequest('/api/v1/session', { method: 'POST', body: {} }));
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(17);
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect((await failure(apiRequest('/api/v1/meta'))).status).toBe(0);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('Bad Gateway', { status: 502 })));
    expect((await failure(apiRequest('/api/v1/meta'))).status).toBe(0);
  });

  it('tells listeners when the session has ended, but not for a failed sign-in', async () => {
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    const unauthenticated = { type: '/problems/unauthenticated', title: 'Authentication required', status: 401, detail: 'x' };
    vi.stubGlobal('fetch', answer(401, unauthenticated));
    await failure(apiRequest('/api/v1/session', { method: 'POST', body: {} }));
    expect(listener).not.toHaveBeenCalled();
    vi.stubGlobal('fetch', answer(401, unauthenticated));
    await failure(apiRequest('/api/v1/contacts'));
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});
