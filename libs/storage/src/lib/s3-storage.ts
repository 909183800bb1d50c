import { checkKey, StorageObjectMissing, type DocumentStorage } from './document-storage';
import { amzDate, sha256Hex, signRequest, uriEncode } from './sigv4';

export interface S3StorageOptions {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn or http://minio:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** a key prefix inside the bucket */
  prefix?: string;
  /** for tests: the fetch to use */
  fetch?: typeof fetch;
}

/** An S3-compatible object store, path-style (works with AWS and MinIO alike), signed with SigV4. */
export class S3Storage implements DocumentStorage {
  readonly driver = 's3' as const;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: S3StorageOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  private objectPath(key: string): string {
    const full = `${this.options.prefix ? `${this.options.prefix}/` : ''}${checkKey(key)}`;
    return `/${uriEncode(this.options.bucket)}/${full.split('/').map(uriEncode).join('/')}`;
  }

  private async send(method: 'PUT' | 'GET' | 'HEAD' | 'DELETE', key: string, body?: Buffer, contentType?: string) {
    const url = new URL(this.options.endpoint);
    const path = this.objectPath(key);
    const now = new Date();
    const payloadHash = body ? sha256Hex(body) : sha256Hex('');
    const headers: Record<string, string> = {
      host: url.host,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDate(now),
      ...(contentType ? { 'content-type': contentType } : {}),
    };
    const authorization = signRequest({ method, path, headers, payloadHash }, this.options, now);
    const { host: _host, ...sent } = headers;
    return this.fetch(`${url.origin}${path}`, {
      method,
      headers: { ...sent, authorization },
      body: body ? new Uint8Array(body) : undefined,
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    const res = await this.send('PUT', key, data, contentType);
    if (!res.ok) throw new Error(`S3 PUT ${key} failed: ${res.status} ${await res.text()}`);
  }

  async get(key: string): Promise<Buffer> {
    const res = await this.send('GET', key);
    if (res.status === 404) throw new StorageObjectMissing(key);
    if (!res.ok) throw new Error(`S3 GET ${key} failed: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async exists(key: string): Promise<boolean> {
    const res = await this.send('HEAD', key);
    if (res.status === 404) return false;
    if (!res.ok) throw new Error(`S3 HEAD ${key} failed: ${res.status}`);
    return true;
  }

  /** S3 answers 204 whether or not the object was there; some compatible stores answer 404 for a missing one. */
  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    const body = await res.text();
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${res.status} ${body}`);
  }
}
