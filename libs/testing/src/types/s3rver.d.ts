/** The parts of @20minutes/s3rver (an S3-compatible server in Node, a devDependency) that tests use; spec tsconfigs include this file. */
declare module '@20minutes/s3rver' {
  import type { AddressInfo } from 'node:net';
  import type { Server } from 'node:http';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    /** the host name whose <bucket>.s3.<serviceEndpoint> sub-domains address buckets (virtual-hosted style) */
    serviceEndpoint?: string;
    /** accept requests whose signature does not match (still parsed and routed) */
    allowMismatchedSignatures?: boolean;
    configureBuckets?: Array<{ name: string }>;
  }

  export default class S3rver {
    constructor(options: S3rverOptions);
    httpServer: Server;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
