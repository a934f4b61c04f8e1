/**
 * When to ask again, as pure functions: which answers are worth a retry, how long the server
 * asked us to wait (Retry-After), and our own exponential backoff.
 */

/** Statuses worth another try: timeouts, rate limits, and every server error. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * A Retry-After header → milliseconds to wait from `now`, or null when absent or unreadable.
 * RFC 9110 allows a number of seconds ("120") or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT");
 * a date already past means no wait.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/u.test(text)) return Number(text) * 1000;
  // an HTTP date starts with its weekday ("Wed, 21 Oct…", "Wednesday, 21-Oct-26…", "Wed Oct 21…"):
  // anything else ("1.5", "-1", "soon") is no wait we can read
  if (!/^[A-Za-z]{3,9},? /u.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * Our own wait before retry `attempt` (1 for the first retry): base, 2×base, 4×base… capped at
 * `max`. Deterministic, so a run's waits are predictable and printed.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`retry attempt ${attempt}: expected 1 or more`);
  return Math.min(maxMs, baseMs * 2 ** (attempt - 1));
}

/** The wait before retry `attempt`: what the server asked for, but never less than our backoff. */
export function retryDelay(attempt: number, retryAfterMs: number | null, baseMs: number, maxMs: number): number {
  const own = backoffDelay(attempt, baseMs, maxMs);
  return retryAfterMs === null ? own : Math.max(own, retryAfterMs);
}
