import { describe, expect, it } from 'vitest';
import { readFilters, withFilters } from './use-url-filters.ts';

describe('readFilters', () => {
  it('reads each named filter from the address, empty when it is not there, and nothing else', () => {
    const params = new URLSearchParams('q=fern&sort=name&other=1');
    expect(readFilters(['q', 'topic', 'sort'], params)).toEqual({ q: 'fern', topic: '', sort: 'name' });
  });
});

describe('withFilters', () => {
  it('sets a filter in place, adds a new one at the end and keeps the rest in their order', () => {
    const params = new URLSearchParams('q=fern&kind=thread');
    expect(withFilters(params, { q: 'moss', sort: 'newest' }).toString()).toBe(
      'q=moss&kind=thread&sort=newest',
    );
  });

  it('takes out a filter set to empty', () => {
    expect(withFilters(new URLSearchParams('q=fern&open=true'), { open: '' }).toString()).toBe('q=fern');
  });

  it('leaves the parameters it was given as they were', () => {
    const params = new URLSearchParams('q=fern');
    withFilters(params, { q: '' });
    expect(params.toString()).toBe('q=fern');
  });
});
