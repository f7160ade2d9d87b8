/** Runs once before the suite: says which database the API tests run on. */
export default function setup(): void {
  const target = process.env.TEST_DATABASE_URL
    ? `PostgreSQL (${process.env.TEST_DATABASE_URL})`
    : 'PGlite in memory';
  console.log(`API tests run on ${target}`);
}
