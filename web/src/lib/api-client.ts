// The one way the app talks to /api/v1: JSON in and out, the CSRF header on unsafe methods,
// ETags for If-Match, and every failure turned into an ApiError with the problem's field errors.
import { csrfToken } from './csrf';
import { type FieldErrors, type Problem, fieldErrorsOf, isProblem } from './problem';

// status 0: the server could not be reached (network down, or a proxy without its upstream).
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  readonly fieldErrors: FieldErrors;
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem | null, retryAfter: number | null) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.fieldErrors = fieldErrorsOf(problem);
    this.retryAfter = retryAfter;
  }
}

export type ApiResponse<T> = { data: T; etag: string | null };

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: string | null;
  signal?: AbortSignal;
};

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

// Called when a request answers 401 outside sign-in: the session ended, so the app asks the
// user to sign in again and comes back to where they were.
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const kSessionPath = '/api/v1/session';
const kUnreachable = new Set([502, 503, 504]);

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, null, null);
  }

  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }

  if (!response.ok) {
    const problem = isProblem(json) ? json : null;
    // A gateway error without a problem body comes from a proxy, not from Rapport.
    const status = problem === null && kUnreachable.has(response.status) ? 0 : response.status;
    const retry = Number(response.headers.get('Retry-After'));
    if (status === 401 && path !== kSessionPath) unauthenticatedListeners.forEach((l) => l());
    throw new ApiError(status, problem, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return { data: json as T, etag: response.headers.get('ETag') };
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await apiRequest<T>(path, { signal })).data;
}
