import type { StorageFailureCode } from './storage-failure';

/** What the SDK leaves on its errors (service exceptions, network and timeout errors alike). */
interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: {
    httpStatusCode?: number;
    requestId?: string;
    extendedRequestId?: string;
    attempts?: number;
    totalRetryDelay?: number;
  };
}

const shape = (error: unknown): SdkErrorShape => (typeof error === 'object' && error !== null ? error : {});

const CHECKSUM_CODES = new Set(['BadDigest', 'InvalidDigest', 'XAmzContentSHA256Mismatch', 'InvalidChecksum']);
const TIMEOUT_CODES = new Set(['TimeoutError', 'RequestTimeout', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
// the store answered, and will answer the same until someone changes the configuration or the bucket
const REFUSAL_CODES = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'NoSuchBucket',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'PermanentRedirect',
  'AuthorizationHeaderMalformed',
  'CredentialsProviderError',
]);

/**
 * The object is not there: S3's NoSuchKey, a HEAD's bodiless 404, or another store's 404 (a missing bucket is a
 * configuration fault, not a missing object).
 */
export function isMissingObject(error: unknown): boolean {
  const e = shape(error);
  if (e.name === 'NoSuchKey' || e.name === 'NotFound') return true;
  return e.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket' && e.name !== 'NoSuchUpload';
}

/** Which of our stable codes an S3 failure becomes. */
export function storageFailureCodeOf(error: unknown): StorageFailureCode {
  const e = shape(error);
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  if (TIMEOUT_CODES.has(name) || TIMEOUT_CODES.has(e.code ?? '')) return 'STORAGE_TIMEOUT';
  if (CHECKSUM_CODES.has(name) || /^Checksum mismatch/.test(e.message ?? '')) return 'STORAGE_CHECKSUM_MISMATCH';
  if (REFUSAL_CODES.has(name)) return 'STORAGE_REFUSED';
  if (status !== undefined && status >= 300 && status < 500 && status !== 408 && status !== 429) {
    return 'STORAGE_REFUSED';
  }
  return 'STORAGE_UNAVAILABLE';
}

/** The store's own account of a failure, for the log (never for users): its code, status, request ids, attempts. */
export function describeS3Error(error: unknown): Record<string, unknown> {
  const e = shape(error);
  return {
    s3Code: e.name,
    s3Message: e.message,
    errno: e.code,
    status: e.$metadata?.httpStatusCode,
    requestId: e.$metadata?.requestId,
    extendedRequestId: e.$metadata?.extendedRequestId,
    attempts: e.$metadata?.attempts,
    totalRetryDelayMs: e.$metadata?.totalRetryDelay,
  };
}
