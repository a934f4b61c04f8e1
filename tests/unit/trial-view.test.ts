/**
 * The trial page's view model (src/lib/trial-view.ts) on real catalogue trials: key facts in their
 * order, badges, the sections listed, and how absence reads — the registry's own "none", a
 * download's known limit, and a page copy's gaps said once in the note on the records held.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/ingest/catalogue.ts';
import { heldNote, trialView } from '../../src/lib/trial-view.ts';
import { toPublicTrial } from '../../src/schemas/trial.ts';

const entries = loadCatalogue('content/sources', { asOf: new Date('2026-11-22T00:00:00Z') });
const view = (id: string) => {
  const entry = entries.find((e) => e.id === id)!;
  return { view: trialView(entry, toPublicTrial(entry)), trial: toPublicTrial(entry) };
};
const facts = (id: string) => view(id).view.keyFacts.map((f) => [f.label, f.value, f.absent ? `${f.absent.kind}${f.absent.pageCopy ? ' (page copy)' : ''}` : null]);

describe('trial view', () => {
  it('a seed page copy (Veeva, NCT04208646): key facts, its gaps as not held, one note counting them', () => {
    const { view: v } = view('NCT04208646');
    expect(facts('NCT04208646')).toEqual([
      ['Status', 'Completed', null],
      ['Phase', 'Phase 2', null],
      ['Design', 'Randomised, parallel, double masked', null],
      ['Enrollment', '106 participants', null],
      ['Ages', '40 Years to 75 Years', null],
      ['Sex', 'All', null],
      ['Countries', null, 'not-held (page copy)'],
      ['Primary outcome', null, 'not-held (page copy)'],
      ['MSC product', 'MSC cells', null],
      ['Cell source', 'Adipose tissue', null],
      ['Donor', 'Allogeneic', null],
      ['Route', 'Not stated', null],
      ['Last update', null, 'not-held (page copy)'],
      ['Registry record', 'NCT04208646 at ClinicalTrials.gov', null],
    ]);
    expect(v.badges.map((b) => b.text)).toEqual(['Completed', 'Phase 2', 'Interventional']);
    expect(v.absent.locations).toMatchObject({ kind: 'not-held', pageCopy: true, field: 'locations', detail: 'A ClinicalTrials.Veeva page copy states none; a page copy can leave a section out.' });
    // twelve distinct fields: countries/sites, outcomes, the dates, keywords, funding, age groups, results…
    expect(v.held).toEqual({ records: 'a ClinicalTrials.Veeva page copy', fields: 12, registryUrl: 'https://clinicaltrials.gov/study/NCT04208646' });
    expect(v.sections.map((s) => s.id)).toEqual(['overview', 'therapy', 'design', 'arms', 'interventions', 'outcomes', 'eligibility', 'dates', 'locations', 'identifiers', 'sources', 'flags', 'cite']);
  });

  it('a 2022 CSV row (NCT04447833): what the download cannot carry is said at the field, and no note', () => {
    const { view: v } = view('NCT04447833');
    expect(v.absent.inclusion).toMatchObject({ kind: 'not-held', pageCopy: false, detail: 'The 2022 ClinicalTrials.gov CSV download does not carry eligibility criteria.' });
    expect(v.absent.summary).toMatchObject({ kind: 'not-held', pageCopy: false });
    expect(v.held).toBeNull();
    expect(v.flags.checks.map((f) => f.code)).toEqual(['status-stale']);
    expect(facts('NCT04447833').find(([label]) => label === 'Countries')).toEqual(['Countries', 'Sweden', null]);
  });

  it('a registry record that lists no site (NCT04073472) says the registry states none', () => {
    const { view: v } = view('NCT04073472');
    expect(v.absent.locations).toMatchObject({ kind: 'registry', text: 'The registry record states no sites.', pageCopy: false });
    expect(facts('NCT04073472').find(([label]) => label === 'Countries')).toEqual(['Countries', null, 'registry']);
    expect(v.held).toBeNull();
  });

  it('the note counts each field once, however many places show it', () => {
    const { view: v, trial } = view('NCT04208646');
    const gap = v.absent.locations!;
    expect(heldNote(trial, [gap, gap, { ...gap }])).toEqual({ records: 'a ClinicalTrials.Veeva page copy', fields: 1, registryUrl: 'https://clinicaltrials.gov/study/NCT04208646' });
    expect(heldNote(trial, [null, undefined, { ...gap, pageCopy: false }])).toBeNull();
  });
});
