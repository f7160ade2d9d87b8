import { describe, expect, it } from 'vitest';
import { fetchApiOver } from './client.ts';

/**
 * `fetchApi` over a fetch that records the Idempotency-Key of each call and answers as `answer` says
 * (given to it, not put in place of the global fetch: test files share their worker's globals).
 */
function recordingFetch(answer: (call: number) => Promise<Response>) {
  const keys: (string | undefined)[] = [];
  const fetchApi = fetchApiOver(async (_url, init) => {
    keys.push(new Headers(init?.headers).get('idempotency-key') ?? undefined);
    return answer(keys.length);
  });
  return { keys, fetchApi };
}

const created = () => new Response(JSON.stringify({ data: { id: 'a' } }), { status: 201 });

describe('fetchApi', () => {
  it('sends a POST again with the same key after no answer came, and a new key for the next POST', async () => {
    const { keys, fetchApi } = recordingFetch(async (call) => {
      if (call === 1) throw new TypeError('Failed to fetch');
      return created();
    });
    const response = await fetchApi('/api/threads/x/replies', { method: 'POST', body: '{"body":"Hi"}' });
    expect(response.status).toBe(201);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\x20-\x7e]{1,255}$/);
    expect(keys[1]).toBe(keys[0]);
    await fetchApi('/api/threads/x/replies', { method: 'POST', body: '{"body":"Hi"}' });
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('gives a double submit of the same POST the same key, and GETs none', async () => {
    let release: () => void = () => {};
    const first = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { keys, fetchApi } = recordingFetch(async () => {
      await first;
      return created();
    });
    const both = Promise.all([
      fetchApi('/api/proposals', { method: 'POST', body: '{"name":"A"}' }),
      fetchApi('/api/proposals', { method: 'POST', body: '{"name":"A"}' }),
    ]);
    release();
    await both;
    expect(keys[0]).toBeDefined();
    expect(keys[1]).toBe(keys[0]);
    await fetchApi('/api/proposals', { method: 'GET' });
    expect(keys[2]).toBeUndefined();
  });
});
