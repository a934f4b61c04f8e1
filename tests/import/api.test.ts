/** The /studies endpoint as pure functions: page URLs, and pages checked before use. */
import { describe, expect, it } from 'vitest';
import { ApiError, lastUpdatePostDateOf, nctIdOf, parsePage, studiesUrl } from '../../src/import/api.ts';
import { EXPORT } from './registry.ts';

const pass = { term: null, ids: [] as string[], advanced: null };

describe('the URL of a page', () => {
  it('carries format, the search, the page size, the token and countTotal', () => {
    expect(studiesUrl('https://clinicaltrials.gov/api/v2', { pass: { ...pass, term: 'mesenchymal OR "conditioned medium"' }, pageSize: 1000, pageToken: null, countTotal: true })).toBe(
      'https://clinicaltrials.gov/api/v2/studies?format=json&query.term=mesenchymal+OR+%22conditioned+medium%22&pageSize=1000&countTotal=true',
    );
    expect(
      studiesUrl('http://127.0.0.1:8080/mirror/api/v2/', {
        pass: { term: null, ids: ['NCT06688318', 'NCT07157891'], advanced: 'AREA[LastUpdatePostDate]RANGE[2024-05-01,MAX]' },
        pageSize: 20,
        pageToken: 'NF0g5JGBlPMuwQY',
        countTotal: false,
      }),
    ).toBe(
      'http://127.0.0.1:8080/mirror/api/v2/studies?format=json&filter.ids=NCT06688318%2CNCT07157891&filter.advanced=AREA%5BLastUpdatePostDate%5DRANGE%5B2024-05-01%2CMAX%5D&pageSize=20&pageToken=NF0g5JGBlPMuwQY',
    );
  });

  it('refuses a page size the registry refuses', () => {
    expect(() => studiesUrl('https://x/api/v2', { pass, pageSize: 1001, pageToken: null, countTotal: false })).toThrow('page size 1001: expected a whole number from 1 to 1000');
    expect(() => studiesUrl('https://x/api/v2', { pass, pageSize: 0, pageToken: null, countTotal: false })).toThrow('page size 0');
  });
});

describe('a page', () => {
  const url = 'https://clinicaltrials.gov/api/v2/studies?format=json';
  const study = EXPORT[0]!;

  it('gives its studies, token and total', () => {
    const page = parsePage(JSON.stringify({ studies: [study], nextPageToken: 'abc', totalCount: 88 }), url);
    expect(page).toEqual({ studies: [study], nextPageToken: 'abc', totalCount: 88 });
    expect(parsePage('{"studies":[]}', url)).toEqual({ studies: [], nextPageToken: null, totalCount: null });
    expect(nctIdOf(study)).toBe('NCT05287867');
    expect(lastUpdatePostDateOf(study)).toBe('2023-09-26');
    expect(lastUpdatePostDateOf({ protocolSection: { statusModule: {} } })).toBeNull();
  });

  const damaged = (body: string) => {
    try {
      parsePage(body, url);
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).retryable).toBe(true);
      return (error as ApiError).message;
    }
    throw new Error('the page was accepted');
  };

  it('is damaged when cut off, without studies, or with a study lacking its NCT number, and says where', () => {
    const whole = JSON.stringify({ studies: [study] });
    expect(damaged(whole.slice(0, 500))).toMatch(
      new RegExp(`^${url.replace(/[?.]/gu, '\\$&')}: the page is not valid JSON \\(cut off or damaged\\)\\n  expected: a complete JSON document\\n  found: 500 characters: `, 'u'),
    );
    expect(damaged('[]')).toBe(`${url}: the page is not a JSON object\n  expected: {"studies": [...]}\n  found: []`);
    expect(damaged('{"totalCount": 3}')).toBe(`${url}: the page has no list of studies\n  field: studies\n  expected: an array of study objects\n  found: nothing`);
    expect(damaged(JSON.stringify({ studies: [study, { protocolSection: { identificationModule: { nctId: 'NCT123' } } }] }))).toBe(
      `${url}: study 2 of the page has no NCT number\n  field: studies[1].protocolSection.identificationModule.nctId\n  expected: NCT followed by 8 digits\n  found: "NCT123"`,
    );
    expect(damaged('{"studies": [], "nextPageToken": ""}')).toContain('the page has an unusable next-page token');
    expect(damaged('{"studies": [], "totalCount": "88"}')).toContain('the page has an unusable total');
  });
});
