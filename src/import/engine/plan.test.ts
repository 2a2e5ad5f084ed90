import { describe, expect, it } from 'vitest';
import { contentHash } from './hash.ts';
import { batches, plan } from './plan.ts';

const row = (key: string, hash: string) => ({ key, hash, props: {} });

describe('plan', () => {
  it('creates what the graph lacks, updates what differs, removes what the file no longer has', () => {
    const p = plan([row('a', '1'), row('b', '2'), row('c', '3')], [
      { key: 'a', hash: '1' }, { key: 'b', hash: 'old' }, { key: 'd', hash: '4' },
    ]);
    expect(p.created.map((r) => r.key)).toEqual(['c']);
    expect(p.updated.map((r) => r.key)).toEqual(['b']);
    expect(p.removed).toEqual(['d']);
    expect(p.unchanged).toBe(1);
  });

  it('updates an element that exists without a hash', () => {
    expect(plan([row('a', '1')], [{ key: 'a', hash: null }]).updated).toHaveLength(1);
  });

  it('refuses two rows with one key', () => {
    expect(() => plan([row('a', '1'), row('a', '2')], [])).toThrow('two import rows share the key a');
  });

  it('splits rows into batches', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe('contentHash', () => {
  it('does not depend on key order, and does depend on every value', () => {
    expect(contentHash({ a: 1, b: [1, 2] })).toBe(contentHash({ b: [1, 2], a: 1 }));
    expect(contentHash({ a: 1, b: null })).toBe(contentHash({ a: 1, b: undefined }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
  });
});
