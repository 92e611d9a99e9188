/**
 * The one fetch wrapper of the web app.
 * - cookies carry the session (credentials: 'same-origin');
 * - every non-GET request except login carries X-CSRF-Token (kept in memory);
 *   a 403 CSRF_INVALID triggers one session refetch and one retry;
 * - updates carry If-Match: "<version>";
 * - creating POSTs carry an Idempotency-Key;
 * - errors are decoded into a typed ApiError.
 */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly current: unknown;
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: FieldError[];
    current?: unknown;
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.current = init.current;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** The outcome on the server is unknown (network trouble, 5xx): a retry should reuse the idempotency key. */
  get outcomeUnknown(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedHandler = (code: string) => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;
/** Called when the server says the session is gone (401 UNAUTHENTICATED / SESSION_EXPIRED). */
export function onUnauthorized(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

let secondFactorHandler: (() => void) | null = null;
/** Called on 403 SECOND_FACTOR_REQUIRED / SECOND_FACTOR_ENROLMENT_REQUIRED: the session needs its second factor. */
export function onSecondFactorNeeded(handler: (() => void) | null): void {
  secondFactorHandler = handler;
}
const SECOND_FACTOR_CODES = new Set(['SECOND_FACTOR_REQUIRED', 'SECOND_FACTOR_ENROLMENT_REQUIRED']);

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** The record's version, sent as If-Match: "<version>". */
  version?: number;
  /** Sent as Idempotency-Key on creating POSTs. */
  idempotencyKey?: string;
  /** Do not treat a 401 as "session gone" (login and the session probe handle 401 themselves). */
  skipUnauthorizedHandler?: boolean;
  signal?: AbortSignal;
}

const SESSION_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

export function buildUrl(path: string, query?: Query): string {
  const url = `/api/v1${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function decodeError(response: Response): Promise<ApiError> {
  let code = `HTTP_${response.status}`;
  let message = response.statusText || 'Request failed';
  let fields: FieldError[] | undefined;
  let current: unknown;
  try {
    const data = (await response.json()) as {
      error?: { code?: unknown; message?: unknown; fields?: unknown; current?: unknown };
    };
    const err = data?.error;
    if (err && typeof err === 'object') {
      if (typeof err.code === 'string') code = err.code;
      if (typeof err.message === 'string') message = err.message;
      if (Array.isArray(err.fields)) {
        fields = err.fields
          .filter((f): f is FieldError => !!f && typeof f === 'object' && 'path' in f)
          .map((f) => ({ path: String(f.path), message: String(f.message ?? '') }));
      }
      current = err.current;
    }
  } catch {
    // not JSON: keep the HTTP status as the code
  }
  const retryAfter = response.headers.get('Retry-After');
  const retryAfterSeconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  return new ApiError({ status: response.status, code, message, fields, current, retryAfterSeconds });
}

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch(buildUrl('/auth/session'), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return false;
    const data = (await response.json()) as { csrfToken?: unknown };
    if (typeof data.csrfToken !== 'string') return false;
    csrfToken = data.csrfToken;
    return true;
  } catch {
    return false;
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const isLogin = path === '/auth/login';
  const send = async (): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && !isLogin && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    return fetch(buildUrl(path, options.query), {
      method,
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  };

  let response: Response;
  try {
    response = await send();
    if (response.status === 403 && method !== 'GET' && !isLogin) {
      const peek = (await response
        .clone()
        .json()
        .catch(() => null)) as { error?: { code?: string } } | null;
      if (peek?.error?.code === 'CSRF_INVALID' && (await refreshCsrfToken())) {
        response = await send();
      }
    }
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: String(error) });
  }

  if (!response.ok) {
    const error = await decodeError(response);
    if (response.status === 401 && SESSION_CODES.has(error.code) && !options.skipUnauthorizedHandler) {
      unauthorizedHandler?.(error.code);
    }
    if (response.status === 403 && SECOND_FACTOR_CODES.has(error.code)) secondFactorHandler?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
