import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../test/app.ts';
import { signedInUser } from '../test/factories.ts';

/**
 * Schema-driven fuzzing: for every route in the OpenAPI document, send bodies, queries and path
 * parameters built from its schema and then broken in every way we can think of, anonymously and as an
 * administrator. Whatever comes in, the answer must never be a 5xx.
 */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
}
interface Operation {
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;

const nasty: unknown[] = [
  null,
  '',
  ' ',
  'a'.repeat(5000),
  '\u0000',
  'a\u0000b',
  '\ud800',
  'lone \udc00 low',
  '💥🚀',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  -1,
  0,
  1e308,
  Number.MAX_SAFE_INTEGER,
  true,
  [],
  {},
  [1, 'two', null],
  { nested: { deeper: ['x'] } },
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '2026-13-45',
];

/** A URL carries no lone surrogate: clients replace one with U+FFFD, as URLSearchParams does. */
const urlSafe = (text: string) => text.replace(/\p{Cs}/gu, '\uFFFD');

function sample(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 4) return 'x';
  if (schema.enum) return pick(schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return sample(pick(variants), depth + 1);
  const type = Array.isArray(schema.type) ? pick(schema.type) : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = sample(value, depth + 1);
      return out;
    }
    case 'array':
      return [sample(schema.items, depth + 1)];
    case 'integer':
    case 'number':
      return Math.floor(random() * 100);
    case 'boolean':
      return random() > 0.5;
    case 'null':
      return null;
    default:
      if (schema.format === 'uuid') return crypto.randomUUID();
      if (schema.format === 'email') return `fuzz${Math.floor(random() * 1e6)}@example.test`;
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

function mutations(schema: JsonSchema | undefined): unknown[] {
  const base = sample(schema);
  const out: unknown[] = [base, ...nasty];
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    for (const key of Object.keys(base)) {
      for (const value of nasty) out.push({ ...base, [key]: value });
      const { [key]: _dropped, ...rest } = base as Record<string, unknown>;
      out.push(rest);
    }
    out.push({ ...base, unexpectedField: 'surprise' });
  }
  return out;
}

/** Dotted paths to the string leaves of a schema (`title`, `topics.0`, `rows.0.email`). */
function stringPaths(schema: JsonSchema | undefined, prefix = '', depth = 0): string[] {
  if (!schema || depth > 4) return [];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return [...new Set(variants.flatMap((variant) => stringPaths(variant, prefix, depth + 1)))];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  return [
    ...(types.includes('string') && prefix ? [prefix] : []),
    ...(types.includes('object')
      ? Object.entries(schema.properties ?? {}).flatMap(([key, value]) =>
          stringPaths(value, at(key), depth + 1),
        )
      : []),
    ...(types.includes('array') ? stringPaths(schema.items, at('0'), depth + 1) : []),
  ];
}

/** `base` with `value` at a dotted path, making the objects and arrays on the way as needed. */
function withValue(base: unknown, path: string[], value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (/^\d+$/.test(key)) {
    const list = Array.isArray(base) ? [...base] : [];
    list[Number(key)] = withValue(list[Number(key)], rest, value);
    return list.map((item) => item ?? 'x');
  }
  const object = base && typeof base === 'object' && !Array.isArray(base) ? base : {};
  return { ...object, [key]: withValue((object as Record<string, unknown>)[key], rest, value) };
}

let t: TestApp;
let adminCookie: string;
let operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  t = await getTestApp();
  ({ cookie: adminCookie } = await signedInUser(t.app, { role: 'administrator' }));
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(async () => t.close());

describe('fuzzing every endpoint', () => {
  it('covers the whole API', () => {
    expect(operations.length).toBeGreaterThan(25);
  });

  it('never answers 5xx', async () => {
    const failures: string[] = [];
    for (const { method, path, op } of operations) {
      if (path === '/api/auth/signout') continue; // would end the fuzzing session; has no input anyway
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const bodies = bodySchema ? mutations(bodySchema) : [undefined];
      const params = (op.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      for (const [index, body] of bodies.entries()) {
        let url = path;
        for (const p of params)
          url = url.replace(
            `{${p.name}}`,
            encodeURIComponent(urlSafe(String(index % 3 === 0 ? crypto.randomUUID() : pick(nasty)))),
          );
        const query = new URLSearchParams();
        for (const q of queryParams)
          if (random() > 0.4) query.set(q.name, String(random() > 0.5 ? sample(q.schema) : pick(nasty)));
        const full = query.size > 0 ? `${url}?${query}` : url;
        for (const cookie of [undefined, adminCookie]) {
          const response = await t.app.inject({
            method: method as 'GET',
            url: full,
            headers: cookie ? { cookie } : {},
            ...(body === undefined
              ? {}
              : {
                  payload: JSON.stringify(body),
                  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
                }),
          });
          if (response.statusCode >= 500)
            failures.push(
              `${method} ${full} ${JSON.stringify(body)?.slice(0, 120)} → ${response.statusCode} ${response.body.slice(0, 200)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  // A NUL or a lone surrogate in any string the API takes must be refused naming that field, whatever
  // else is wrong with the request: PostgreSQL cannot store either, and once answered with a 500.
  it('refuses NUL bytes and lone surrogates in every string, naming the field', async () => {
    const misses: string[] = [];
    const expectNamed = async (label: string, field: string, send: () => Promise<LightMyRequestResponse>) => {
      const response = await send();
      const body = response.json() as { error?: string; fields?: Record<string, string> };
      if (response.statusCode !== 400 || body.error !== 'validation_failed' || !body.fields?.[field])
        misses.push(`${label} → ${response.statusCode} ${response.body.slice(0, 160)}`);
    };
    for (const { method, path, op } of operations) {
      if (path === '/api/auth/signout') continue;
      const params = (op.parameters ?? []).filter((p) => p.in === 'path');
      const plainUrl = params.reduce((url, p) => url.replace(`{${p.name}}`, crypto.randomUUID()), path);
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const base = bodySchema ? sample(bodySchema) : undefined;
      const send = (url: string, body?: unknown) => () =>
        t.app.inject({
          method: method as 'GET',
          url,
          headers: {
            cookie: adminCookie,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
      for (const p of params) {
        const url = params.reduce(
          (out, other) => out.replace(`{${other.name}}`, other === p ? 'a%00b' : crypto.randomUUID()),
          path,
        );
        await expectNamed(`${method} ${url}`, p.name, send(url, base));
      }
      for (const q of (op.parameters ?? []).filter((p) => p.in === 'query')) {
        const url = `${plainUrl}?${q.name}=a%00b`;
        await expectNamed(`${method} ${url}`, q.name, send(url, base));
      }
      for (const field of stringPaths(bodySchema)) {
        for (const bad of ['a\u0000b', 'a\ud800b']) {
          const body = withValue(base, field.split('.'), bad);
          await expectNamed(
            `${method} ${plainUrl} ${JSON.stringify(body).slice(0, 120)}`,
            field,
            send(plainUrl, body),
          );
        }
      }
    }
    expect(misses).toEqual([]);
  }, 120_000);
});
