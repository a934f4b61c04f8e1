/**
 * The pure parts of search: registry ids as typed, the spelling vocabulary and its distance
 * ranking (on the real catalogue), the index document of a trial and its snippets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { asRegistryId } from '../../src/domain/registries.ts';
import { HINTS_MARK, queryAsId } from '../../src/domain/synonyms.ts';
import { loadCatalogue } from '../../src/ingest/catalogue.ts';
import { ownTextSnippet } from '../../src/lib/search-excerpt.ts';
import { trialSearchDocument } from '../../src/lib/search-index.ts';
import { recentlyUpdated } from '../../src/lib/search.ts';
import { buildVocabulary, closestWords, maxEdits, suggestQueries, vocabularyWords, type Vocabulary } from '../../src/lib/search-vocabulary.ts';
import { toPublicTrial, type Trial } from '../../src/schemas/trial.ts';

let trials: Trial[];
let vocabulary: Vocabulary;
beforeAll(() => {
  trials = loadCatalogue('content/sources', { asOf: new Date('2026-11-22T00:00:00Z') })
    .filter((t) => t.scope.value !== 'OTHER')
    .map(toPublicTrial);
  vocabulary = buildVocabulary(trials);
}, 120_000);

describe('a query that is a registry id, as people type it', () => {
  it.each([
    ['NCT06688318', 'NCT06688318'],
    ['  nct06688318 ', 'NCT06688318'],
    ['NCT 0668 8318', 'NCT06688318'],
    ['nct-06688318', 'NCT06688318'],
    ['"NCT06688318".', 'NCT06688318'],
    ['chictr2000029990', 'ChiCTR2000029990'],
    ['ChiCTR-IOR-17013335', 'ChiCTR-IOR-17013335'],
    ['irct2015110524890n1', 'IRCT2015110524890N1'],
    ['CTRI 2020 05 025114', 'CTRI/2020/05/025114'],
    ['ctri/2020/05/025114', 'CTRI/2020/05/025114'],
    ['isrctn 12345678', 'ISRCTN12345678'],
    ['JRCT2043190112', 'jRCT2043190112'],
    ['2005 003674 14', '2005-003674-14'],
    ['EUCTR2020-001450-22-ES', '2020-001450-22'],
    ['drks00012345', 'DRKS00012345'],
  ])('%s is %s', (typed, id) => expect(queryAsId(typed)).toBe(id));
  it.each(['knee', 'NCT123', 'stem cells NCT06688318', '2019', ''])('"%s" is not an id', (typed) => expect(queryAsId(typed)).toBeNull());

  it('every registry id of the real catalogue is found again typed in lower case with a space after its prefix', () => {
    const ids = trials.flatMap((t) => t.registryIds).filter((id) => asRegistryId(id));
    // 1,340 NCT, 85 EudraCT, 6 IRCT and 2 jRCT ids (counted by prefix in /trials.json)
    expect(ids.length).toBe(1433);
    const typed = (id: string) => id.toLowerCase().replace(/^([a-z]+)(?=\d)/u, '$1 ');
    expect(ids.filter((id) => queryAsId(typed(id)) !== asRegistryId(id)!.id)).toEqual([]);
  });
});

describe('the spelling vocabulary of the real catalogue', () => {
  it('counts each word once per trial, from titles, conditions, interventions and products', () => {
    expect(vocabulary.length).toBe(2284);
    const count = (w: string) => vocabulary.find(([v]) => v === w)?.[1];
    // 108 trials name osteoarthritis in title, conditions or interventions (a regular expression over the records says the same)
    expect(count('osteoarthritis')).toBe(108);
    expect(trials.filter((t) => /osteoarthritis/iu.test([t.title, ...t.conditions, ...t.interventions.flatMap((i) => [i.name, ...i.otherNames])].join(' '))).length).toBe(108);
    // one title spells it "Osteoartritis" (NCT01436058's ankle trial)
    expect(count('osteoartritis')).toBe(1);
    expect(count('secretome')).toBe(25);
    expect(count('lupus')).toBe(19);
    expect(vocabulary[0]).toEqual(['cell', 1271]);
  });
  it('keeps words of four letters or more, accents removed, numbers left out', () => {
    expect(vocabularyWords('Crohn’s disease, Phase 2/3 (2019) — Sjögren UC-MSCs')).toEqual(['crohn', 'disease', 'phase', 'sjogren', 'mscs']);
  });
  it('ranks the closest words first, then the commoner', () => {
    expect(maxEdits(5)).toBe(1);
    expect(maxEdits(9)).toBe(2);
    expect(maxEdits(13)).toBe(3);
    expect(closestWords('osteoartritis', vocabulary)).toEqual([{ word: 'osteoarthritis', distance: 1, trials: 108 }]);
    expect(closestWords('diabetis', vocabulary)).toEqual([
      { word: 'diabetes', distance: 1, trials: 50 },
      { word: 'diabetic', distance: 1, trials: 46 },
    ]);
    expect(closestWords('osteoarthritis', vocabulary)).toEqual([]);
    expect(closestWords('knee', vocabulary)).toEqual([]);
    expect(closestWords('cord', vocabulary)).toEqual([]);
  });
  it('corrects each unknown word of a query and keeps the rest as typed', () => {
    expect(suggestQueries('osteoartritis', vocabulary)).toEqual(['osteoarthritis']);
    expect(suggestQueries('knee osteoartritis', vocabulary)).toEqual(['knee osteoarthritis']);
    expect(suggestQueries('osteoarthritus', vocabulary)).toEqual(['osteoarthritis', 'osteoarthrosis']);
    expect(suggestQueries('lupis', vocabulary)).toEqual(['lupus']);
    expect(suggestQueries('graft versus host disese', vocabulary)[0]).toBe('graft versus host disease');
    expect(suggestQueries('Wharton’s jely', vocabulary)).toEqual(['Wharton’s jelly']);
    expect(suggestQueries('umbilical cord', vocabulary)).toEqual([]);
    expect(suggestQueries('UC-MSC', vocabulary)).toEqual([]);
  });
});

describe('the index document of a trial', () => {
  it('holds the record’s own text, then the mark, then the words it is found by', () => {
    const t = trials.find((x) => x.id === 'NCT04208646')!;
    const { url, html } = trialSearchDocument(t);
    expect(url).toBe('/trials/NCT04208646/');
    const body = html.slice(html.indexOf('<main'));
    const [own, hints] = body.split(HINTS_MARK);
    expect(own).toContain(t.title.replace(/&/gu, '&amp;').replace(/'/gu, '&#39;'));
    for (const c of t.conditions) expect(own).toContain(c.replace(/&/gu, '&amp;').replace(/'/gu, '&#39;'));
    expect(own).not.toContain('NCT04208646');
    expect(hints).toContain('NCT 04208646');
    expect(hints).toContain('data-pagefind-filter="kind">trial');
    expect(hints).toContain('data-pagefind-meta="ids:NCT04208646');
    expect(hints).toContain('data-pagefind-filter="scope">MSC');
  });
});

describe('snippets come from the own text only', () => {
  const title = 'Cells for Knee Pain';
  const content = `Cells for Knee Pain. Knee Osteoarthritis. Adipose cells injection. ${HINTS_MARK} NCT01 nct01. Sponsor X. adipose; AD-MSC; fat.`;
  const at = (word: string) => content.split(/\s+/u).indexOf(word);
  it('marks the matched words after the title', () => {
    expect(ownTextSnippet(content, [{ location: at('Osteoarthritis.'), weight: 7 }], title, 24)).toBe('Knee <mark>Osteoarthritis</mark>. Adipose cells injection.');
  });
  it('a match among the hints only gives the opening words, unmarked', () => {
    expect(ownTextSnippet(content, [{ location: at('AD-MSC;'), weight: 2 }], title, 3)).toBe('Knee Osteoarthritis. Adipose …');
  });
  it('marks the word, not the punctuation around it', () => {
    expect(ownTextSnippet(`T. (Secretome-MSCs; x ${HINTS_MARK}`, [{ location: 1, weight: 1 }], 'T', 24)).toBe('(<mark>Secretome-MSCs</mark>; x');
  });
  it('escapes the text', () => {
    expect(ownTextSnippet(`T. a <b> & c ${HINTS_MARK} x`, [], 'T', 24)).toBe('a &lt;b&gt; &amp; c');
  });
});

describe('the empty search page lists the most recently updated trials', () => {
  it('newest last update first, ties by id', () => {
    const recent = recentlyUpdated(trials, 3);
    expect(recent.map((t) => [t.id, t.dates.lastUpdated!.date])).toEqual(RECENT);
  });
});
// read off /trials.json sorted by dates.lastUpdated (the seeds are the newest records)
const RECENT: [string, string][] = [['NCT07157891', '2025-09-05'], ['NCT05921058', '2023-06-27'], ['NCT04847739', '2022-10-05']];
