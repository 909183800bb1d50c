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
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

const NETWORK_ERROR: ApiErrorBody = { code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试' };

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR);
  }
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const body =
      data && typeof data === 'object' && 'code' in data && 'message' in data
        ? (data as ApiErrorBody)
        : { code: 'HTTP_' + response.status, message: `服务器返回错误（${response.status}）` };
    throw new ApiError(response.status, body);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
