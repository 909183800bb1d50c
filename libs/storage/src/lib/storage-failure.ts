import { AppError } from '@evalflow/domain';

export type StorageFailureCode =
  | 'STORAGE_UNAVAILABLE'
  | 'STORAGE_TIMEOUT'
  | 'STORAGE_REFUSED'
  | 'STORAGE_CHECKSUM_MISMATCH';

export type StorageOperation = 'put' | 'get' | 'stream' | 'exists' | 'delete';

/**
 * The store failed (not the caller): a stable code and the catalogue's Chinese message, which is all a user sees
 * (the api answers 503; the worker records the message on the document or export). The store's own error stays on
 * `cause` and in the log line written where it was caught.
 */
export class StorageFailure extends AppError {
  constructor(
    code: StorageFailureCode,
    readonly operation: StorageOperation,
    readonly key: string,
    cause?: unknown,
  ) {
    super(code);
    this.name = 'StorageFailure';
    if (cause !== undefined) this.cause = cause;
  }
}
