/**
 * The HTTP client of the import: Node's built-in fetch (undici), one page per request, with a
 * timeout per request, a User-Agent naming the catalogue, a minimum gap between requests, and
 * retries with exponential backoff on rate limits (429, honouring Retry-After), server errors,
 * broken connections, timeouts and damaged pages. A page is handed on only once it has been
 * read whole and checked (`parsePage`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, parsePage, studiesUrl, type Page, type PageRequest } from './api.ts';
import { isRetryableStatus, parseRetryAfter, retryDelay } from './retry.ts';

export interface ClientOptions {
  /** …/api/v2 */
  baseUrl: string;
  userAgent: string;
  /** the longest one request (headers and body) may take */
  timeoutMs: number;
  /** retries after the first attempt of a request */
  retries: number;
  /** the first retry waits this long, each next one twice as long… */
  backoffMs: number;
  /** …up to this */
  maxBackoffMs: number;
  /** a server asking for a longer wait (Retry-After) is not waited for: the run stops and can be resumed */
  maxRetryAfterMs: number;
  /** the least time between the starts of two requests (the registry asks for about 50 a minute at most) */
  minIntervalMs: number;
  /** told of every retry before its wait */
  onRetry?: (retry: RetryNotice) => void;
}

export interface RetryNotice {
  url: string;
  /** 1 for the first retry */
  attempt: number;
  of: number;
  delayMs: number;
  reason: string;
}

export interface FetchedPage extends Page {
  url: string;
  /** the response's Date header as YYYY-MM-DD (UTC), when it has a readable one */
  date: string | null;
}

/** What a failed fetch says, with the system's reason (ECONNRESET, "other side closed"…) when it gives one. */
function networkReason(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'no complete answer within the time limit';
  const cause = e?.cause ? ` (${[e.cause.code, e.cause.message].filter(Boolean).join(': ')})` : '';
  return `the connection failed: ${e?.message ?? String(error)}${cause}`;
}

function dateOf(header: string | null): string | null {
  if (!header) return null;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : new Date(at).toISOString().slice(0, 10);
}

export class Client {
  readonly options: ClientOptions;
  /** requests sent, retries included */
  requests = 0;
  retries = 0;
  /** called as each request is sent (the run saves its count, so a killed run's requests are counted too) */
  onRequest: (() => void) | null = null;
  private lastStart = -Infinity;

  constructor(options: ClientOptions) {
    this.options = options;
  }

  /** One page, retried until it comes whole or the retries are spent. Throws ApiError. */
  async page(request: PageRequest): Promise<FetchedPage> {
    const url = studiesUrl(this.options.baseUrl, request);
    const { retries, backoffMs, maxBackoffMs, maxRetryAfterMs } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.once(url);
      } catch (error) {
        if (!(error instanceof ApiError) || !error.retryable) throw error;
        if (attempt >= retries) {
          throw new ApiError(url, `gave up after ${attempt + 1} attempt${attempt === 0 ? '' : 's'}; the last one: ${error.detail}`, { retryable: false });
        }
        if (error.retryAfterMs !== null && error.retryAfterMs > maxRetryAfterMs) {
          throw new ApiError(url, `the server asks to wait ${Math.ceil(error.retryAfterMs / 1000)} s before the next request (Retry-After), longer than the ${Math.round(maxRetryAfterMs / 1000)} s this run waits; resume later`, { retryable: false });
        }
        const delayMs = retryDelay(attempt + 1, error.retryAfterMs, backoffMs, maxBackoffMs);
        this.retries += 1;
        this.options.onRetry?.({ url, attempt: attempt + 1, of: retries, delayMs, reason: error.detail.split('\n')[0]! });
        await sleep(delayMs);
      }
    }
  }

  private async once(url: string): Promise<FetchedPage> {
    const wait = this.lastStart + this.options.minIntervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    this.lastStart = performance.now();
    this.requests += 1;
    this.onRequest?.();
    let status: number;
    let statusText: string;
    let headers: Headers;
    let body: string;
    try {
      const response = await fetch(url, {
        headers: { 'User-Agent': this.options.userAgent, Accept: 'application/json' },
        redirect: 'follow',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      ({ status, statusText, headers } = response);
      // read the whole body inside the same guard: a connection dropped mid-body fails here
      body = await response.text();
    } catch (error) {
      throw new ApiError(url, networkReason(error), { retryable: true });
    }
    if (status < 200 || status > 299) {
      const text = body.trim().replace(/\s+/gu, ' ');
      throw new ApiError(url, `HTTP ${status}${statusText ? ` ${statusText}` : ''}`, {
        retryable: isRetryableStatus(status),
        retryAfterMs: parseRetryAfter(headers.get('retry-after'), Date.now()),
        expected: 'HTTP 200 with a page of studies',
        found: text === '' ? 'an empty body' : JSON.stringify(text.length > 300 ? `${text.slice(0, 297)}…` : text),
      });
    }
    return { ...parsePage(body, url), url, date: dateOf(headers.get('date')) };
  }
}
