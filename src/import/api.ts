/**
 * The `/studies` endpoint of ClinicalTrials.gov API v2, as pure functions: the URL of one page,
 * and a page's body checked before anything of it is used. A page is JSON of the shape
 * `{"studies": [...], "nextPageToken"?: "...", "totalCount"?: n}`; the last page has no
 * `nextPageToken`; `totalCount` comes when `countTotal=true` is asked (we ask on a pass's first page).
 */
import { showFound } from '../ingest/types.ts';
import type { Pass } from './query.ts';

export const DEFAULT_API_URL = 'https://clinicaltrials.gov/api/v2';

/** The registry's maximum page size. */
export const MAX_PAGE_SIZE = 1000;

export type Study = Record<string, unknown>;

/**
 * Something the registry (or the way to it) did wrong. `retryable` says whether asking again
 * may help (rate limits, server errors, broken connections, damaged pages) or not (a refused query).
 */
export class ApiError extends Error {
  readonly url: string;
  readonly retryable: boolean;
  /** the wait the server asked for (Retry-After), in ms */
  readonly retryAfterMs: number | null;
  /** what went wrong, without the URL: the reason, then field, expected and found on their own lines */
  readonly detail: string;

  constructor(url: string, reason: string, options: { retryable: boolean; retryAfterMs?: number | null; field?: string; expected?: string; found?: string }) {
    const parts = [reason];
    if (options.field) parts.push(`field: ${options.field}`);
    if (options.expected) parts.push(`expected: ${options.expected}`);
    if (options.found !== undefined) parts.push(`found: ${options.found}`);
    const detail = parts.join('\n  ');
    super(`${url}: ${detail}`);
    this.name = 'ApiError';
    this.detail = detail;
    this.url = url;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

export interface PageRequest {
  pass: Pass;
  pageSize: number;
  pageToken: string | null;
  countTotal: boolean;
}

/** The URL of one page. Every page of a pass repeats its parameters; only the token changes. */
export function studiesUrl(base: string, request: PageRequest): string {
  const { pass, pageSize, pageToken, countTotal } = request;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new Error(`page size ${pageSize}: expected a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  const url = new URL(`${base.replace(/\/+$/u, '')}/studies`);
  const params = url.searchParams;
  params.set('format', 'json');
  if (pass.term !== null) params.set('query.term', pass.term);
  if (pass.ids.length > 0) params.set('filter.ids', pass.ids.join(','));
  if (pass.advanced !== null) params.set('filter.advanced', pass.advanced);
  params.set('pageSize', String(pageSize));
  if (pageToken !== null) params.set('pageToken', pageToken);
  if (countTotal) params.set('countTotal', 'true');
  return url.href;
}

export interface Page {
  studies: Study[];
  nextPageToken: string | null;
  totalCount: number | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The NCT number of a study object, or null. */
export function nctIdOf(study: unknown): string | null {
  const id = isObject(study) && isObject(study.protocolSection) && isObject(study.protocolSection.identificationModule)
    ? study.protocolSection.identificationModule.nctId
    : undefined;
  return typeof id === 'string' && /^NCT\d{8}$/u.test(id) ? id : null;
}

/** The registry's "last update posted" date of a study (YYYY-MM-DD), or null when it states none. */
export function lastUpdatePostDateOf(study: Study): string | null {
  const status = isObject(study.protocolSection) ? study.protocolSection.statusModule : undefined;
  const struct = isObject(status) ? status.lastUpdatePostDateStruct : undefined;
  const date = isObject(struct) ? struct.date : undefined;
  return typeof date === 'string' && date !== '' ? date : null;
}

/**
 * A page's body → its studies, next-page token and total. Anything else — text that is not
 * JSON (a cut-off body), no `studies` array, a study without its NCT number — is an ApiError
 * marked retryable: a damaged page is asked for again, never used.
 */
export function parsePage(body: string, url: string): Page {
  const damaged = (reason: string, detail: { field?: string; expected?: string; found?: string }) =>
    new ApiError(url, reason, { retryable: true, ...detail });
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    throw damaged('the page is not valid JSON (cut off or damaged)', {
      expected: 'a complete JSON document',
      found: `${body.length} characters: ${(error as Error).message}`,
    });
  }
  if (!isObject(doc)) throw damaged('the page is not a JSON object', { expected: '{"studies": [...]}', found: showFound(doc) });
  if (!Array.isArray(doc.studies)) {
    throw damaged('the page has no list of studies', { field: 'studies', expected: 'an array of study objects', found: showFound(doc.studies) });
  }
  doc.studies.forEach((study, i) => {
    if (nctIdOf(study) === null) {
      const found = isObject(study) && isObject(study.protocolSection) && isObject(study.protocolSection.identificationModule)
        ? showFound(study.protocolSection.identificationModule.nctId)
        : showFound(study);
      throw damaged(`study ${i + 1} of the page has no NCT number`, {
        field: `studies[${i}].protocolSection.identificationModule.nctId`,
        expected: 'NCT followed by 8 digits',
        found,
      });
    }
  });
  const token = doc.nextPageToken;
  if (token !== undefined && token !== null && (typeof token !== 'string' || token === '')) {
    throw damaged('the page has an unusable next-page token', { field: 'nextPageToken', expected: 'a non-empty string, or none on the last page', found: showFound(token) });
  }
  const total = doc.totalCount;
  if (total !== undefined && total !== null && !(Number.isInteger(total) && (total as number) >= 0)) {
    throw damaged('the page has an unusable total', { field: 'totalCount', expected: 'a whole number', found: showFound(total) });
  }
  return {
    studies: doc.studies as Study[],
    nextPageToken: typeof token === 'string' ? token : null,
    totalCount: typeof total === 'number' ? total : null,
  };
}
