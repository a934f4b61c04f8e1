/**
 * Condition lists run together by a page copy are split on known condition terms
 * (src/domain/condition-terms.json, from real registry data), only where the cut is certain.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKnownCondition, splitConditionRun } from '../../src/ingest/conditions.ts';

const data = JSON.parse(readFileSync('src/domain/condition-terms.json', 'utf8')) as {
  sources: { file: string; studies: number; terms: number }[];
  terms: Record<string, number>;
};

describe('the condition vocabulary', () => {
  it('names its sources: the 1,389-study download and the 88-study API export', () => {
    expect(data.sources.map((s) => [s.file, s.studies])).toEqual([
      ['ctgov-classic-download-mesenchymal-2022-10-09.csv', 1389],
      ['ctg-studies.json', 88],
    ]);
    expect(Object.keys(data.terms).length).toBe(data.sources.reduce((n, s) => n + s.terms, 0));
  });

  it('knows terms whatever their case, plural or trailing abbreviation', () => {
    expect(isKnownCondition('knee injury')).toBe(true); // stated as "Knee Injuries"
    expect(isKnownCondition('Osteoarthritis (OA)')).toBe(true);
    expect(isKnownCondition('Knee Injury Cartilage')).toBe(false);
  });
});

describe('splitting a run-on condition line', () => {
  it('seed 001: three conditions on the real meddatax page', () => {
    expect(splitConditionRun('Osteoarthritis (OA) Knee Injury Cartilage Degeneration')).toEqual([
      'Osteoarthritis (OA)',
      'Knee Injury',
      'Cartilage Degeneration',
    ]);
  });

  it('a line that is itself a known condition is one condition', () => {
    expect(splitConditionRun('Graft Versus Host Disease')).toEqual(['Graft Versus Host Disease']);
    expect(splitConditionRun('Osteoarthritis, Knee')).toEqual(['Osteoarthritis, Knee']);
  });

  it('no split when a piece is not a known term, or a term only one study states', () => {
    expect(splitConditionRun('Knee Osteoarthritis Pain')).toBeNull(); // no study states "Pain" alone
    expect(splitConditionRun('Abdominoplasty Scar Revision Knee Osteoarthritis')).toBeNull(); // the first is stated by one study only
    expect(splitConditionRun('Osteoarthritis Zebra Syndrome')).toBeNull();
  });

  it('two known terms side by side may be one condition: no split unless a bracket closes the first', () => {
    expect(splitConditionRun("Crohn's Disease Perianal Fistula")).toBeNull();
    expect(splitConditionRun('Knee Osteoarthritis (KOA) Cartilage Degeneration')).toEqual(['Knee Osteoarthritis (KOA)', 'Cartilage Degeneration']);
  });

  it('no split when two cuts of the fewest pieces exist', () => {
    // "Osteoarthritis" + "Knee Osteoarthritis", and "Osteoarthritis, Knee" + "Osteoarthritis": two cuts of two pieces
    expect(splitConditionRun('Osteoarthritis Knee Osteoarthritis')).toBeNull();
  });
});

describe('condition groups of a split list', () => {
  it('seed 001: "Osteoarthritis (OA)" with "Knee Injury" is knee osteoarthritis, not unspecified osteoarthritis', async () => {
    const { conditionGroupsOf } = await import('../../src/domain/conditions.ts');
    // "Knee Injury" is no group of its own (the taxonomy's groups are curated; docs/conditions.md), "Cartilage Degeneration" is cartilage
    expect(conditionGroupsOf({ conditions: ['Osteoarthritis (OA)', 'Knee Injury', 'Cartilage Degeneration'] }).map((g) => g.slug)).toEqual([
      'knee-osteoarthritis',
      'cartilage-defects',
    ]);
    expect(conditionGroupsOf({ conditions: ['Osteoarthritis', 'Rheumatoid Arthritis'] }).map((g) => g.slug)).toEqual(['osteoarthritis', 'rheumatoid-arthritis']);
  });
});
