// Uploads a build to an S3-compatible bucket with each file's Content-Type and Cache-Control from the host
// description (src/integrations/host/), then deletes the objects the build no longer has (after every upload succeeded).
//   npm run deploy:s3 -- --bucket <name> [--prefix downstream] [--dist dist] [--endpoint <url>] [--dry-run]
// Credentials and region come from the usual AWS environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION,
// or a profile). --endpoint points at another S3-compatible service (path-style addressing).
// The S3 client (@aws-sdk/client-s3) is not a dependency of the project: it is installed into tools/s3/ on first use.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { servedFiles } from '../src/integrations/host/policy.ts';
import { staleKeys, uploadPlan, type UploadItem } from '../src/integrations/host/s3.ts';
import { importTool } from '../tools/ensure.ts';
import type * as S3Sdk from '../tools/s3/index.js';
import type { S3Client, S3ClientConfig } from '../tools/s3/index.js';

type S3Tool = typeof S3Sdk;
/** The S3 client and commands, from tools/s3/ (installed there on first use). */
export const loadS3 = (): Promise<S3Tool> => importTool<S3Tool>('s3');

async function listKeys(sdk: S3Tool, client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const { ListObjectsV2Command } = sdk;
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        ...(prefix ? { Prefix: `${prefix}/` } : {}),
        ...(token ? { ContinuationToken: token } : {}),
      }),
    );
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** Runs `task` over `items`, `limit` at a time, in order of start; the first failure stops new starts. */
async function inBatches<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface UploadResult {
  uploaded: UploadItem[];
  deleted: string[];
}

export async function uploadSite({
  client,
  bucket,
  prefix,
  dist,
  dryRun = false,
}: {
  client: S3Client;
  bucket: string;
  prefix: string;
  dist: string;
  dryRun?: boolean;
}): Promise<UploadResult> {
  const sdk = await loadS3();
  const { PutObjectCommand, DeleteObjectsCommand } = sdk;
  const p = prefix.replace(/^\/+|\/+$/g, '');
  const plan = uploadPlan(servedFiles(dist), p);
  const before = await listKeys(sdk, client, bucket, p);
  const uploaded: UploadItem[] = [];
  // Hashed assets, then other files, then HTML: one group finishes before the next starts.
  const groups = [
    plan.filter((i) => i.cacheControl.includes('immutable')),
    plan.filter((i) => !i.cacheControl.includes('immutable') && !i.file.endsWith('.html')),
    plan.filter((i) => !i.cacheControl.includes('immutable') && i.file.endsWith('.html')),
  ];
  for (const group of groups) {
    await inBatches(group, 8, async (item) => {
      if (!dryRun) {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: item.key,
            Body: readFileSync(join(dist, item.file)),
            ContentType: item.contentType,
            CacheControl: item.cacheControl,
          }),
        );
      }
      uploaded.push(item);
    });
  }
  const deleted = staleKeys(before, plan);
  for (let i = 0; i < deleted.length && !dryRun; i += 1000) {
    const batch = deleted.slice(i, i + 1000);
    const res = await client.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
    );
    if (res.Errors?.length) {
      throw new Error(`could not delete ${res.Errors.map((e) => `${e.Key}: ${e.Message}`).join(', ')}`);
    }
  }
  return { uploaded, deleted };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      bucket: { type: 'string' },
      prefix: { type: 'string', default: '' },
      dist: { type: 'string', default: 'dist' },
      endpoint: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.bucket) {
    console.error('usage: npm run deploy:s3 -- --bucket <name> [--prefix downstream] [--dist dist] [--endpoint <url>]');
    process.exit(2);
  }
  const config: S3ClientConfig = values.endpoint ? { endpoint: values.endpoint, forcePathStyle: true } : {};
  const { S3Client } = await loadS3();
  const client = new S3Client(config);
  const { uploaded, deleted } = await uploadSite({
    client,
    bucket: values.bucket,
    prefix: values.prefix,
    dist: resolve(values.dist),
    dryRun: values['dry-run'],
  });
  const verb = values['dry-run'] ? 'would upload' : 'uploaded';
  console.log(`${verb} ${uploaded.length} files to s3://${values.bucket}/${values.prefix}, deleted ${deleted.length}`);
}
