import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

type JsonSchema = { [key: string]: unknown };

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * zod writes `.nullable()` as `anyOf: [schema, { type: 'null' }]`, which fast-json-stringify can only
 * serialise by running ajv on every value to choose the branch. The same meaning as `nullable: true`
 * (objects, arrays) or a type list (`['string', 'null']`) is written without a run-time check.
 */
function simplify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(simplify);
  if (!isObject(schema)) return schema;
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    result[key] = simplify(value);
  }
  // fast-json-stringify writes required properties before optional ones; zod (and so the contract so
  // far) writes them in the schema's order. An object with optional properties is written without its
  // `required` list, so the order is the schema's (TypeScript and the tests still check the presence).
  const properties = result.properties;
  const required = result.required;
  if (isObject(properties) && Array.isArray(required) && required.length < Object.keys(properties).length) {
    delete result.required;
  }
  const branches = result.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const nullIndex = branches.findIndex((branch) => isObject(branch) && branch.type === 'null');
    const other = branches[1 - nullIndex];
    if (nullIndex !== -1 && isObject(other) && typeof other.type === 'string') {
      const { anyOf: _anyOf, ...rest } = result;
      if (other.type === 'object' || other.type === 'array') return { ...rest, ...other, nullable: true };
      return { ...rest, ...other, type: [other.type, 'null'] };
    }
  }
  return result;
}

/** The JSON Schema of a response's zod schema, as fast-json-stringify reads it. */
export function responseJsonSchema(schema: ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-07' });
  return simplify(json) as JsonSchema;
}

/**
 * Responses are written by a serialiser compiled once per route from its zod response schema
 * (fast-json-stringify), instead of validating every answer with zod and then `JSON.stringify`: the
 * validation was the largest cost of a large page (a thread of 50 replies) after the queries. The
 * schema stays an allow-list: properties it does not declare are left out. Tests (`NODE_ENV=test`)
 * and development use `checkedSerializerCompiler`, which also validates with zod.
 */
export const compiledSerializerCompiler: FastifySerializerCompiler<ZodType | { properties: ZodType }> = ({
  schema,
}) => {
  const zodSchema = schema instanceof z.ZodType ? schema : schema.properties;
  let serialize = compiledSerializers.get(zodSchema);
  if (!serialize) {
    serialize = fastJson(responseJsonSchema(zodSchema));
    compiledSerializers.set(zodSchema, serialize);
  }
  return serialize;
};

/**
 * Serialisers already compiled, by response schema (the contracts' schemas are module constants): a
 * second app in the same process (each API test file builds its own) reuses them instead of generating
 * the code of some 250 serialisers again, which was most of the cost of building an app.
 */
const compiledSerializers = new WeakMap<ZodType, (data: unknown) => string>();

/**
 * Tests (and development) serialise every response both ways, and fail if the compiled serialiser
 * writes anything but the bytes zod's validation and `JSON.stringify` write: every API test checks
 * that the compiled serialisers keep the contract, and zod still refuses an answer that breaks it.
 */
export const checkedSerializerCompiler: FastifySerializerCompiler<ZodType | { properties: ZodType }> = (
  route,
) => {
  const compiled = compiledSerializerCompiler(route);
  const checked = zodSerializerCompiler(route);
  return (data: unknown) => {
    const expected = checked(data);
    const written = compiled(data);
    if (written !== expected) {
      throw new Error(
        `The compiled serialiser of ${route.method} ${route.url} wrote ${written} where zod wrote ${expected}.`,
      );
    }
    return written;
  };
};
