import type { ApiClient, ApiResponse, RequestOptions } from '../api/client';

export interface FakeCall {
  path: string;
  method: string;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * An ApiClient answered by `answer` (return a value, or throw an ApiError), recording each call.
 * For components that take an ApiClient as a prop.
 */
export function fakeApi(answer: (call: FakeCall) => unknown | Promise<unknown>): ApiClient & { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  return {
    calls,
    async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
      const call = { path, method: options.method ?? 'GET', body: options.body, headers: options.headers ?? {} };
      calls.push(call);
      const data = (await answer(call)) as T;
      return { data, status: 200, etag: null };
    },
  };
}
