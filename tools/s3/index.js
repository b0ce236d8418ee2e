// What scripts/deploy-s3.ts and tests/unit/s3.test.ts use, resolved from this folder's own node_modules.
// index.d.ts beside it types exactly these, so type checking does not need the packages installed.
export {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
export { default as S3rver } from 's3rver';
