// The parts of @aws-sdk/client-s3 and s3rver that index.js re-exports and the repository uses, typed here so that
// `npm run check` works before the tool is installed. Field names are the SDK's own.
import type { AddressInfo } from 'node:net';

/** A command whose response is `Output` (the SDK's `send` is typed the same way). */
interface Command<Output> {
  readonly __output?: Output;
}

export interface S3ClientConfig {
  endpoint?: string;
  forcePathStyle?: boolean;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}
export declare class S3Client {
  constructor(config?: S3ClientConfig);
  send<Output>(command: Command<Output>): Promise<Output>;
  destroy(): void;
}

export interface ListObjectsV2Output {
  Contents?: { Key?: string }[];
  IsTruncated?: boolean;
  NextContinuationToken?: string;
}
export declare class ListObjectsV2Command implements Command<ListObjectsV2Output> {
  constructor(input: { Bucket: string; Prefix?: string; ContinuationToken?: string });
  readonly __output?: ListObjectsV2Output;
}

export declare class PutObjectCommand implements Command<object> {
  constructor(input: {
    Bucket: string;
    Key: string;
    Body: string | Uint8Array;
    ContentType?: string;
    CacheControl?: string;
  });
  readonly __output?: object;
}

export interface DeleteObjectsOutput {
  Errors?: { Key?: string; Message?: string }[];
}
export declare class DeleteObjectsCommand implements Command<DeleteObjectsOutput> {
  constructor(input: { Bucket: string; Delete: { Objects: { Key: string }[]; Quiet?: boolean } });
  readonly __output?: DeleteObjectsOutput;
}

export interface HeadObjectOutput {
  ContentType?: string;
  CacheControl?: string;
}
export declare class HeadObjectCommand implements Command<HeadObjectOutput> {
  constructor(input: { Bucket: string; Key: string });
  readonly __output?: HeadObjectOutput;
}

export interface GetObjectOutput extends HeadObjectOutput {
  Body?: { transformToString(): Promise<string> };
}
export declare class GetObjectCommand implements Command<GetObjectOutput> {
  constructor(input: { Bucket: string; Key: string });
  readonly __output?: GetObjectOutput;
}

/** s3rver ships no types. */
export interface S3rverOptions {
  port?: number;
  address?: string;
  silent?: boolean;
  directory?: string;
  configureBuckets?: { name: string; configs: (string | Buffer)[] }[];
}
export declare class S3rver {
  constructor(options?: S3rverOptions);
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
