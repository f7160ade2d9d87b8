import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Settings } from '../env.ts';
import { checkStorageKey, isSafeStorageKey, type Storage } from './storage.ts';

export interface S3StorageOptions extends S3Settings {
  /** Keys asked for per ListObjectsV2 page (S3's maximum and default is 1,000; tests ask for fewer). */
  pageSize?: number;
  /** Size of each part of a multipart upload, in bytes (S3's minimum is 5 MiB). */
  partSize?: number;
}

export interface S3Storage extends Storage {
  /** Throws with a message an operator can act on when the bucket cannot be reached or read. */
  check(): Promise<void>;
  /** Closes the client's kept-alive connections. */
  close(): void;
}

/** 8 MiB parts, 4 at a time: at most 32 MiB of one upload in memory, whatever the file's size. */
const defaultPartSize = 8 * 1024 * 1024;
const partsAtOnce = 4;

/**
 * Uploads in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage…), which every Copse process can
 * share. Keys are the disk backend's, after an optional prefix (a folder of the bucket). A received
 * upload goes up as a multipart upload read from its temporary file part by part; a download is the
 * GET's body, streamed.
 */
export function createS3Storage(options: S3StorageOptions): S3Storage {
  // Servers other than AWS often lack the SDK's newer default checksums (CRC32 headers and trailers),
  // so with an endpoint they are sent only where the operation requires one.
  const checksums = options.endpoint ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestChecksumCalculation: checksums,
    responseChecksumValidation: checksums,
    maxAttempts: 3,
    // A store that does not answer is an error within seconds, not a request hanging for ever; a
    // download stalled for a minute (its reader gone quiet) is dropped.
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 60_000 },
  });
  const Bucket = options.bucket;
  const prefix = options.prefix;
  const objectKey = (key: string) => `${prefix}${checkStorageKey(key)}`;

  async function read(key: string): Promise<{ body: Readable; size: number } | undefined> {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
      if (!(object.Body instanceof Readable) || object.ContentLength === undefined)
        throw new Error('S3 answered a GET without a stream or its length');
      return { body: object.Body, size: object.ContentLength };
    } catch (error) {
      if (isMissingObject(error)) return undefined;
      throw error;
    }
  }

  return {
    async put(key, body) {
      await client.send(
        new PutObjectCommand({ Bucket, Key: objectKey(key), Body: body, ContentLength: body.length }),
      );
    },
    async putFile(key, file) {
      try {
        const upload = new Upload({
          client,
          params: { Bucket, Key: objectKey(key), Body: createReadStream(file) },
          partSize: options.partSize ?? defaultPartSize,
          queueSize: partsAtOnce,
        });
        await upload.done();
      } finally {
        await rm(file, { force: true });
      }
    },
    async get(key) {
      const stored = await read(key);
      if (!stored) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of stored.body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      return Buffer.concat(chunks);
    },
    read,
    async delete(key) {
      // S3 answers a delete of a missing key with success, as the disk backend does.
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket,
            ...(prefix ? { Prefix: prefix } : {}),
            ...(options.pageSize ? { MaxKeys: options.pageSize } : {}),
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(prefix.length);
          if (key && isSafeStorageKey(key)) yield key;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async check() {
      const where = `S3 bucket "${Bucket}"${options.endpoint ? ` at ${options.endpoint}` : ''} (region ${options.region})`;
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
        const reason =
          status === 404
            ? 'no such bucket: create it first, or check S3_BUCKET'
            : status === 403
              ? 'access denied: check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (or the role) and the bucket policy'
              : status === 301 || status === 400
                ? 'the bucket answers in another region or style: check S3_REGION, S3_ENDPOINT and S3_FORCE_PATH_STYLE'
                : error instanceof Error
                  ? error.message
                  : String(error);
        throw new Error(`Cannot use the ${where}: ${reason}`);
      }
    },
    close() {
      client.destroy();
    },
  };
}

/** A GET of a key that is not there (the bucket itself missing is an error, not an absent file). */
function isMissingObject(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    error.name !== 'NoSuchBucket' &&
    (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)
  );
}
