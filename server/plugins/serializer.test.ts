import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { threadSchema } from '../../common/contracts/discussions.ts';
import { dataOf, errorBody } from '../../common/contracts/shared.ts';
import { checkedSerializerCompiler, compiledSerializerCompiler } from './serializer.ts';

const route = (schema: z.ZodType) => ({ schema, method: 'GET', url: '/test', httpStatus: '200' });
const both = (schema: z.ZodType) => ({
  compiled: compiledSerializerCompiler(route(schema)),
  zod: zodSerializerCompiler(route(schema)),
});

const reply = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  parentId: null,
  author: id.endsWith('1') ? null : { id: 'p', displayName: 'Ann "A" <b>', photoUrl: null, email: 'x@y' },
  body: 'Line\nwith “quotes” and \u2028 separators',
  bodyHtml: '<p>Line<br>\n</p>\n',
  createdAt: '2026-12-05T10:00:00.000Z',
  editedAt: null,
  deleted: false,
  hidden: false,
  helpful: id.endsWith('2'),
  reactions: [{ emoji: '👍', count: 2, mine: true }],
  abilities: { edit: false, delete: false, markHelpful: true },
  ...extra,
});

const thread = {
  id: 't',
  kind: 'question',
  title: 'A title',
  excerpt: 'x',
  author: { id: 'a', displayName: 'Author', photoUrl: '/api/people/a/photo?v=1' },
  pinned: false,
  locked: false,
  answered: true,
  hidden: false,
  replyCount: 3,
  lastActivityAt: '2026-12-05T10:00:00.000Z',
  createdAt: '2026-12-05T10:00:00.000Z',
  unread: false,
  community: { id: 'c', slug: 'c', name: 'C' },
  body: 'b',
  bodyHtml: '<p>b</p>\n',
  editedAt: null,
  deleted: false,
  helpfulPostId: 'r2',
  following: true,
  reactions: [],
  replies: [reply('r1'), reply('r2', { secret: 'never sent' }), reply('r3')],
  nextCursor: null,
  abilities: { reply: true, edit: false, delete: false, moderate: false, react: true, follow: true },
  // Added after the rest by the route; the schema puts it before nextCursor.
  suspended: false,
  passwordHash: 'never sent',
};

describe('compiled response serialisers', () => {
  it('write the same bytes as zod and JSON.stringify, in the schema’s order', () => {
    const { compiled, zod } = both(dataOf(threadSchema));
    const written = compiled({ data: thread });
    expect(written).toBe(zod({ data: thread }));
    expect(written.indexOf('"suspended"')).toBeLessThan(written.indexOf('"nextCursor"'));
    const { suspended: _suspended, ...withoutOptional } = thread;
    expect(compiled({ data: withoutOptional })).toBe(zod({ data: withoutOptional }));
  });

  it('leave out every property the schema does not declare', () => {
    const written = compiledSerializerCompiler(route(dataOf(threadSchema)))({ data: thread });
    expect(written).not.toContain('never sent');
    expect(written).not.toContain('passwordHash');
    expect(written).not.toContain('x@y');
  });

  it('write records, optional fields and nullable objects as zod does', () => {
    const schema = z.object({
      error: errorBody,
      at: z.object({ x: z.number() }).nullable(),
      list: z.array(z.string()).nullable(),
      count: z.number().int(),
    });
    const { compiled, zod } = both(schema);
    for (const value of [
      { error: { error: 'e', message: 'm', fields: { a: 'b', 'c.d': 'é' } }, at: null, list: null, count: 1 },
      { error: { error: 'e', message: 'm' }, at: { x: 1.5 }, list: ['a', 'b'], count: 0 },
    ]) {
      expect(compiled(value)).toBe(zod(value));
    }
  });

  it('in tests, refuse an answer that breaks the schema, as zod does', () => {
    const checked = checkedSerializerCompiler(route(dataOf(threadSchema)));
    expect(() => checked({ data: { ...thread, kind: 'poll' } })).toThrow();
  });
});
