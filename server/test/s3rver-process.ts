import S3rver from 's3rver';

/**
 * A local S3-compatible server for tests (`server/test/s3.ts` starts it): `node
 * --openssl-legacy-provider server/test/s3rver-process.ts <folder> <bucket>…` serves the buckets from
 * the folder on a free loopback port and prints `{"port":…}`. Its own process because s3rver signs
 * ListObjectsV2 continuation tokens with DES, which Node's OpenSSL 3 offers only with that flag.
 */
const [directory, ...buckets] = process.argv.slice(2);
if (!directory || buckets.length === 0) throw new Error('usage: s3rver-process.ts <folder> <bucket>…');
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name, configs: [] })),
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
// The test removes the folder; kept-alive client connections would hold a graceful close.
process.on('SIGTERM', () => process.exit(0));
