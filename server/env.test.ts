import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

const s3 = {
  STORAGE: 's3',
  S3_BUCKET: 'copse-uploads',
  S3_REGION: 'eu-west-1',
};

describe('storage settings', () => {
  it('are the local folder by default', () => {
    expect(parseEnv({}).storage).toEqual({ kind: 'disk' });
  });

  it('name a bucket, with the SDK default credentials unless both keys are given', () => {
    expect(parseEnv(s3).storage).toEqual({
      kind: 's3',
      bucket: 'copse-uploads',
      region: 'eu-west-1',
      forcePathStyle: false,
      prefix: '',
    });
    expect(
      parseEnv({
        ...s3,
        S3_ENDPOINT: 'http://minio.internal:9000',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'copse',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_PREFIX: 'copse/site-a',
      }).storage,
    ).toEqual({
      kind: 's3',
      bucket: 'copse-uploads',
      region: 'eu-west-1',
      endpoint: 'http://minio.internal:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'copse', secretAccessKey: 'secret' },
      prefix: 'copse/site-a/',
    });
  });

  it('say everything missing or wrong at once', () => {
    expect(() => parseEnv({ STORAGE: 's3', S3_ACCESS_KEY_ID: 'copse' })).toThrow(
      [
        'Invalid configuration:',
        '  S3_BUCKET: required when STORAGE=s3',
        '  S3_REGION: required when STORAGE=s3 (e.g. eu-west-1, or us-east-1 for MinIO)',
        "  S3_SECRET_ACCESS_KEY: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS SDK's default chain)",
      ].join('\n'),
    );
    expect(() => parseEnv({ ...s3, S3_ENDPOINT: 'minio:9000', S3_PREFIX: '../up' })).toThrow(
      /S3_ENDPOINT: .*\n {2}S3_PREFIX: must be lowercase/,
    );
    expect(() => parseEnv({ STORAGE: 'nfs' })).toThrow(/STORAGE: /);
  });

  it('refuse bucket settings while the files would go to the local folder', () => {
    expect(() => parseEnv({ S3_BUCKET: 'copse-uploads' })).toThrow(
      'S3_BUCKET: is set but STORAGE is disk; set STORAGE=s3 to use the bucket',
    );
  });
});
