import type { Agent as HttpAgent } from 'node:http';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Logger } from '@nestjs/common';
import { checkKey, MAX_KEY_BYTES, StorageObjectMissing, type DocumentStorage } from './document-storage';
import { describeS3Error, isMissingObject, storageFailureCodeOf } from './s3-errors';
import { StorageFailure, type StorageOperation } from './storage-failure';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** temporary (STS) credentials carry one */
  sessionToken?: string;
}

export interface S3StorageOptions {
  /** e.g. http://minio:9000 or https://s3.oss-cn-hangzhou.aliyuncs.com; null: AWS's own endpoint for the region */
  endpoint: string | null;
  bucket: string;
  region: string;
  /** true: <endpoint>/<bucket>/<key> (MinIO, Ceph); false: <bucket>.<endpoint host>/<key> (AWS, Alibaba OSS) */
  forcePathStyle: boolean;
  /** null: the SDK's default chain (AWS_* environment, shared files, web identity, container or instance role) */
  credentials: S3Credentials | null;
  /** a key prefix inside the bucket ("" for none) */
  prefix: string;
  /** one attempt fails after this long without a byte sent or received (connecting included) */
  requestTimeoutMs: number;
  /** attempts per request, the first included; retries back off with jitter (the SDK's standard mode) */
  maxAttempts: number;
  /** a body larger than one part goes up as a multipart upload of parts this size (S3: at least 5 MiB) */
  partSizeBytes: number;
  /** when_supported: a CRC32 sent with every upload and checked on downloads; when_required: only where S3 demands one */
  checksums: 'when_supported' | 'when_required';
  /** for tests: the agent of plain-http requests (e.g. one resolving bucket host names to loopback) */
  httpAgent?: HttpAgent;
}

/** Parts uploaded at once by one multipart upload (memory: this many parts per upload in flight). */
const PARTS_IN_FLIGHT = 4;

/** An S3-compatible bucket through the AWS SDK: signing, retries, timeouts, multipart and checksums are the SDK's. */
export class S3Storage implements DocumentStorage {
  readonly driver = 's3' as const;
  private readonly client: S3Client;
  private readonly logger = new Logger('DocumentStorage');

  constructor(private readonly options: S3StorageOptions) {
    const checksums = options.checksums === 'when_supported' ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED';
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint ?? undefined,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials ?? undefined,
      maxAttempts: options.maxAttempts,
      retryMode: 'standard',
      requestChecksumCalculation: checksums,
      responseChecksumValidation: checksums,
      // socketTimeout counts inactivity, so a large part on a slow line is not cut off while bytes still flow
      requestHandler: {
        connectionTimeout: options.requestTimeoutMs,
        socketTimeout: options.requestTimeoutMs,
        ...(options.httpAgent ? { httpAgent: options.httpAgent } : {}),
      },
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.upload(key, data, contentType);
  }

  async putStream(key: string, body: Readable, contentType: string): Promise<void> {
    await this.upload(key, body, contentType);
  }

  async get(key: string): Promise<Buffer> {
    const objectKey = this.objectKey(key);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
      const bytes = await (answer.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (isMissingObject(error)) throw new StorageObjectMissing(key);
      throw this.failure('get', key, error);
    }
  }

  async stream(key: string): Promise<Readable> {
    const objectKey = this.objectKey(key);
    let body: Readable;
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
      body = answer.Body as Readable;
    } catch (error) {
      if (isMissingObject(error)) throw new StorageObjectMissing(key);
      throw this.failure('stream', key, error);
    }
    return Readable.from(this.relay(key, body), { objectMode: false });
  }

  async exists(key: string): Promise<boolean> {
    const objectKey = this.objectKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
      return true;
    } catch (error) {
      if (isMissingObject(error)) return false;
      throw this.failure('exists', key, error);
    }
  }

  /** S3 answers 204 whether or not the object was there; some compatible stores answer 404 for a missing one. */
  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
    } catch (error) {
      if (isMissingObject(error)) return;
      throw this.failure('delete', key, error);
    }
  }

  /** Closes the client's idle connections (Nest calls it on shutdown). */
  onModuleDestroy(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    const full = this.options.prefix ? `${this.options.prefix}/${checkKey(key)}` : checkKey(key);
    if (Buffer.byteLength(full) > MAX_KEY_BYTES) throw new Error(`Invalid storage key "${key}" (too long)`);
    return full;
  }

  /** One PUT for a body of up to one part, a multipart upload past that (aborted, parts and all, if it fails). */
  private async upload(key: string, body: Buffer | Readable, contentType: string): Promise<void> {
    const objectKey = this.objectKey(key);
    try {
      await new Upload({
        client: this.client,
        partSize: this.options.partSizeBytes,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
        params: { Bucket: this.options.bucket, Key: objectKey, Body: body, ContentType: contentType },
      }).done();
    } catch (error) {
      // a failure of the body itself (the uploader went away) is the caller's, not the store's
      if (body instanceof Readable && body.errored) throw body.errored;
      throw this.failure('put', key, error);
    }
  }

  /** Passes the body on as it is read; a failure midway (timeout, checksum) becomes ours, stopping early frees it. */
  private async *relay(key: string, body: Readable): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of body) yield chunk as Buffer;
    } catch (error) {
      // the reader stopped early (its stream destroyed): nothing failed
      if ((error as Error | undefined)?.name === 'AbortError') throw error;
      throw this.failure('stream', key, error);
    }
  }

  /** Logs the store's own account and returns our error: a stable code and a Chinese message, nothing of S3's. */
  private failure(operation: StorageOperation, key: string, error: unknown): StorageFailure {
    if (error instanceof StorageFailure) return error;
    const code = storageFailureCodeOf(error);
    this.logger.warn({
      msg: 'object storage request failed',
      operation,
      key,
      bucket: this.options.bucket,
      code,
      ...describeS3Error(error),
    });
    return new StorageFailure(code, operation, key, error);
  }
}
