/** The one error body of the API: a stable code for programs and a Chinese message for people. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    /** From the Retry-After header of a 429, when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with its own content type (a file upload); instead of `body`. */
  rawBody?: { data: Blob; contentType: string };
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** 'blob' for a file download: a successful answer's bytes as a Blob (errors are still JSON). */
  responseType?: 'json' | 'blob';
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  /** The ETag header: the version a later If-Match must name. */
  etag: string | null;
}

/** Anything that sends requests as the signed-in user: the session, or a fake in tests. */
export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
}

const NETWORK_ERROR: ApiErrorBody = { code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试' };

/** Waits before a POST is sent again after a network failure (its Idempotency-Key makes that safe). */
const POST_RETRY_DELAYS_MS = [400, 1500];

/** One call to the API without credentials of its own (login, refresh and logout use the cookie). */
export async function apiCall<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const { method = 'GET', body, rawBody, headers, signal, responseType = 'json' } = options;
  // A POST that creates (a comment, a reply, a render) carries a key: if the answer is lost on the way
  // and the request is sent again, the API answers with the first result instead of creating twice.
  // Sign-in and token refresh are never sent twice (a refresh token is single-use).
  const retryable = method === 'POST' && !path.startsWith('/auth/');
  const idempotency: Record<string, string> = retryable ? { 'idempotency-key': crypto.randomUUID() } : {};
  let response: Response | undefined;
  for (let attempt = 0; !response; attempt++) {
    try {
      response = await fetch(`/api${path}`, {
        method,
        headers: {
          accept: responseType === 'blob' ? '*/*' : 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(rawBody === undefined ? {} : { 'content-type': rawBody.contentType }),
          ...idempotency,
          ...headers,
        },
        body: rawBody?.data ?? (body === undefined ? undefined : JSON.stringify(body)),
        credentials: 'same-origin',
        signal,
      });
    } catch (error) {
      // a cancelled request is not a network failure: let the caller see the abort
      if (signal?.aborted) throw error;
      const delay = retryable ? POST_RETRY_DELAYS_MS[attempt] : undefined;
      if (delay === undefined) throw new ApiError(0, NETWORK_ERROR);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  if (response.ok && responseType === 'blob') {
    return { data: (await response.blob()) as T, status: response.status, etag: response.headers.get('etag') };
  }
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const errorBody =
      data && typeof data === 'object' && 'code' in data && 'message' in data
        ? (data as ApiErrorBody)
        : { code: 'HTTP_' + response.status, message: `服务器返回错误（${response.status}）` };
    throw new ApiError(response.status, errorBody, retryAfterOf(response));
  }
  return { data: data as T, status: response.status, etag: response.headers.get('etag') };
}

/** The If-Match header naming `version` (the API answers 412 when it is no longer the current one). */
export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** A change to what `path` names, based on `version`: sent with If-Match (the API answers 412 if it is stale). */
export async function patchVersion<T>(api: ApiClient, path: string, version: number, changes: object): Promise<T> {
  return sendVersioned<T>(api, 'PATCH', path, version, changes);
}

/** A whole replacement of what `path` names, based on `version` (0 for one that does not exist yet). */
export async function putVersion<T>(api: ApiClient, path: string, version: number, body: object): Promise<T> {
  return sendVersioned<T>(api, 'PUT', path, version, body);
}

async function sendVersioned<T>(
  api: ApiClient,
  method: 'PATCH' | 'PUT',
  path: string,
  version: number,
  body: object,
): Promise<T> {
  return (await api.request<T>(path, { method, body, headers: ifMatch(version) })).data;
}

/** A query string from the filled-in parameters only. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** What to tell the user about a failure: the API's Chinese message when there is one. */
export function messageOf(error: unknown, fallback = '操作失败，请稍后重试'): string {
  return error instanceof ApiError ? error.message : fallback;
}

export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function retryAfterOf(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
