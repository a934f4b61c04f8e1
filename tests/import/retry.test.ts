/** When the import asks again: retryable answers, Retry-After, the backoff schedule. */
import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableStatus, parseRetryAfter, retryDelay } from '../../src/import/retry.ts';

describe('retryable answers', () => {
  it('are timeouts, rate limits and server errors; not a refused request', () => {
    expect([408, 429, 500, 502, 503, 504, 599].map(isRetryableStatus)).toEqual([true, true, true, true, true, true, true]);
    expect([200, 301, 400, 401, 403, 404, 414, 422].map(isRetryableStatus)).toEqual([false, false, false, false, false, false, false, false]);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  it('reads seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP date in each of its three forms, a past one as no wait', () => {
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tuesday, 01-Dec-26 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Tue Dec  1 10:00:05 2026', Date.parse('Tue Dec  1 10:00:00 2026'))).toBe(5_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 10:00:00 GMT', now)).toBe(0);
  });
  it('is null when absent or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter('-1', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('Tue, 99 Foo 2026', now)).toBeNull();
  });
});

describe('the backoff schedule', () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, 2_000, 60_000))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect([1, 2, 3].map((a) => backoffDelay(a, 10, 60_000))).toEqual([10, 20, 40]);
    expect(() => backoffDelay(0, 10, 100)).toThrow('retry attempt 0: expected 1 or more');
  });
  it('waits what the server asks, never less than its own backoff', () => {
    expect(retryDelay(1, 5_000, 2_000, 60_000)).toBe(5_000);
    expect(retryDelay(3, 1_000, 2_000, 60_000)).toBe(8_000);
    expect(retryDelay(2, null, 2_000, 60_000)).toBe(4_000);
  });
});
