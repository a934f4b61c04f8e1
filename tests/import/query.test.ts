/** What an import asks the registry: the default MSC query, Essie terms, splits, ids, --since. */
import { describe, expect, it } from 'vitest';
import { importTerms, MSC_QUERY_TERMS } from '../../src/domain/msc-query.ts';
import { essieTerm, IDS_PER_REQUEST, isIsoDate, MAX_TERM_LENGTH, orExpression, parseIds, passesOf, sinceFilter, termQueries } from '../../src/import/query.ts';

describe('the default MSC query', () => {
  it('is one OR expression of the documented generic terms', () => {
    expect(orExpression(importTerms())).toBe(
      'mesenchymal OR MSC OR MSCs OR secretome OR "conditioned medium" OR "conditioned media" OR exosome OR exosomes OR "extracellular vesicle" OR "extracellular vesicles"',
    );
    expect(importTerms()).toEqual([...MSC_QUERY_TERMS]);
  });

  it('takes product names after the generic terms, without repeats', () => {
    expect(importTerms(['Prochymal', 'remestemcel-L', 'msc', ' Alofisel ', ''])).toEqual([...MSC_QUERY_TERMS, 'Prochymal', 'remestemcel-L', 'Alofisel']);
    expect(passesOf({ query: null, terms: importTerms(['remestemcel-L', "Wharton's jelly"]), ids: [], since: null })).toEqual([
      {
        term: 'mesenchymal OR MSC OR MSCs OR secretome OR "conditioned medium" OR "conditioned media" OR exosome OR exosomes OR "extracellular vesicle" OR "extracellular vesicles" OR "remestemcel-L" OR "Wharton\'s jelly"',
        ids: [],
        advanced: null,
      },
    ]);
  });
});

describe('Essie terms', () => {
  it('leaves plain words, quotes phrases and punctuation, escapes quotes and backslashes', () => {
    expect(essieTerm('mesenchymal')).toBe('mesenchymal');
    expect(essieTerm('Stempeucel')).toBe('Stempeucel');
    expect(essieTerm('conditioned medium')).toBe('"conditioned medium"');
    expect(essieTerm('ExoFlo-1')).toBe('"ExoFlo-1"');
    expect(essieTerm('say "MSC"')).toBe('"say \\"MSC\\""');
    expect(essieTerm('a\\b')).toBe('"a\\\\b"');
    expect(essieTerm('OR')).toBe('"OR"');
    expect(essieTerm('AREA[Phase]PHASE3')).toBe('"AREA[Phase]PHASE3"');
    expect(() => essieTerm('  ')).toThrow('an empty search term');
    expect(() => orExpression([])).toThrow('no search terms');
  });

  it('splits a long OR list into expressions that each fit the URL budget, keeping the order', () => {
    const terms = ['alpha', 'beta gamma', 'delta', 'epsilon', 'zeta'];
    // "alpha%20OR%20%22beta%20gamma%22" is 31 characters; with "%20OR%20delta" 44
    expect(termQueries(terms, 44)).toEqual(['alpha OR "beta gamma" OR delta', 'epsilon OR zeta']);
    expect(termQueries(terms, 1000)).toEqual(['alpha OR "beta gamma" OR delta OR epsilon OR zeta']);
    expect(termQueries(terms, 31)).toEqual(['alpha OR "beta gamma"', 'delta OR epsilon', 'zeta']);
    expect(() => termQueries(['a much longer phrase'], 10)).toThrow('the search term "a much longer phrase" is longer than a request can carry (10 URL-encoded characters)');
    expect(encodeURIComponent(orExpression(importTerms())).length).toBeLessThan(MAX_TERM_LENGTH);
  });
});

describe('--ids and --since', () => {
  it('reads NCT numbers separated by commas or spaces, upper-cased, once each', () => {
    expect(parseIds(['NCT06688318,nct07157891', 'NCT04208646 NCT06688318'])).toEqual(['NCT06688318', 'NCT07157891', 'NCT04208646']);
    expect(() => parseIds(['NCT0668831'])).toThrow('--ids: "NCT0668831" is not an NCT number (expected NCT followed by 8 digits)');
    expect(() => parseIds([' , '])).toThrow('--ids: no NCT number given');
  });

  it('sends ids in chunks, each with the query and --since', () => {
    const ids = Array.from({ length: IDS_PER_REQUEST + 2 }, (_, i) => `NCT${String(i).padStart(8, '0')}`);
    const passes = passesOf({ query: 'exosome', terms: importTerms(), ids, since: '2024-05-01' });
    expect(passes.map((p) => p.ids.length)).toEqual([IDS_PER_REQUEST, 2]);
    expect(passes[1]).toEqual({ term: 'exosome', ids: ['NCT00000100', 'NCT00000101'], advanced: 'AREA[LastUpdatePostDate]RANGE[2024-05-01,MAX]' });
    expect(passesOf({ query: null, terms: importTerms(), ids: ['NCT06688318'], since: null })).toEqual([{ term: null, ids: ['NCT06688318'], advanced: null }]);
    expect(passesOf({ query: 'AREA[Phase]PHASE3', terms: importTerms(), ids: [], since: null })).toEqual([{ term: 'AREA[Phase]PHASE3', ids: [], advanced: null }]);
  });

  it('takes --since as a real date', () => {
    expect(sinceFilter('2024-02-29')).toBe('AREA[LastUpdatePostDate]RANGE[2024-02-29,MAX]');
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(() => sinceFilter('yesterday')).toThrow('--since: "yesterday" is not a date written YYYY-MM-DD');
  });
});
