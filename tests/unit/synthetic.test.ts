/**
 * The benchmark's synthetic copied pages (scripts/bench/synthetic-text.ts): each layout is
 * detected as that layout, and reads back as the same trial as the JSON study it renders
 * (scripts/bench/synthetic.ts), without flags that would mean the page was misread.
 */
import { describe, expect, it } from 'vitest';
import { assemble, readSourceFile } from '../../src/ingest/catalogue.ts';
import type { CatalogueEntry } from '../../src/schemas/trial.ts';
import { syntheticStudy } from '../../scripts/bench/synthetic.ts';
import { TEXT_LAYOUTS, syntheticPage, type TextLayout } from '../../scripts/bench/synthetic-text.ts';

const AS_OF = new Date('2026-11-22');

/** A spread of seeds: the first few, primes, powers of two and larger values. */
const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 17, 23, 31, 42, 57, 64, 99, 128, 173, 255, 333, 512, 777, 1000, 1234, 2047, 4096, 9999];

/** Flag codes that mean a page was not read as intended. */
const MISREAD = ['generic-reader', 'unmapped-value', 'unsplit-list', 'duplicated-text'];

function read(path: string, content: string): { format: string; trial: CatalogueEntry } {
  const reading = readSourceFile({ path, content });
  const entries = assemble([reading], { asOf: AS_OF });
  expect(entries).toHaveLength(1);
  return { format: reading.format, trial: entries[0]! };
}

/** The fields compared between the page and the JSON. */
function compared(t: CatalogueEntry, layout: TextLayout) {
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    phases: t.phases,
    studyType: t.studyType,
    sponsor: t.sponsor,
    conditions: t.conditions,
    enrollment: t.enrollment?.count ?? null,
    sex: t.eligibility.sex,
    minAge: t.eligibility.minAge?.years ?? null,
    maxAge: t.eligibility.maxAge?.years ?? null,
    countries: t.countries,
    // A ClinicalTrials.Veeva page shows no dates at all (the Veeva reader reads none), so the
    // start date cannot be expressed in that layout and is left out of its comparison.
    ...(layout === 'veeva' ? {} : { start: t.dates.start?.date ?? null }),
    arms: t.arms.length,
    interventions: t.interventions.length,
  };
}

describe.each(TEXT_LAYOUTS)('synthetic %s pages', (layout) => {
  it.each(SEEDS)('trial %i reads back as its JSON study', (i) => {
    const study = syntheticStudy(i);
    const json = read('x.json', JSON.stringify(study));
    const page = read('x.txt', syntheticPage(i, layout));

    expect(page.format).toBe(layout);
    expect(compared(page.trial, layout)).toEqual(compared(json.trial, layout));

    // meddatax prints list chips as a run of text, so its reader notes a lone condition of four
    // or more words ("Graft Versus Host Disease") as possibly several run together. The layout
    // cannot state that such a condition is one: that note, and only it, is expected there.
    const loneLongCondition = layout === 'meddatax' && json.trial.conditions.length === 1 && json.trial.conditions[0]!.split(/\s+/u).length >= 4;
    const misread = page.trial.flags
      .filter((f) => MISREAD.includes(f.code))
      .filter((f) => !(loneLongCondition && f.code === 'unsplit-list' && f.field === 'conditions'));
    expect(misread).toEqual([]);
  });

  it('is deterministic and varies in length with the study', () => {
    expect(syntheticPage(42, layout)).toBe(syntheticPage(42, layout));
    const lengths = new Set(SEEDS.map((i) => syntheticPage(i, layout).length));
    expect(lengths.size).toBeGreaterThan(SEEDS.length / 2);
  });
});

describe('TEXT_LAYOUTS', () => {
  it('lists the four page layouts once each', () => {
    expect([...TEXT_LAYOUTS].sort()).toEqual(['ctgov-classic', 'meddatax', 'medpath', 'veeva']);
  });
});
