/** The trial page's locator map: the shared world outline cropped to a trial's countries. */
import { describe, expect, it } from 'vitest';
import { BASE_WIDTH, locatorMap, worldOutline } from '../../src/lib/world-map.ts';

const { height } = worldOutline();
const inside = (box: [number, number, number, number]) => box[0] >= 0 && box[1] >= 0 && box[0] + box[2] <= BASE_WIDTH + 0.1 && box[1] + box[3] <= height + 0.1;

describe('the world outline', () => {
  it('is one path the width of the base map', () => {
    const w = worldOutline();
    expect(w.width).toBe(BASE_WIDTH);
    expect(w.height).toBeGreaterThan(250);
    expect(w.height).toBeLessThan(350);
    expect(w.d.startsWith('M')).toBe(true);
    expect(w.d.length).toBeLessThan(120_000); // fetched once, cached: whole units keep it small
  });
});

describe('a locator map', () => {
  it('one country: shaded, framed with room around it, at least the minimum width, 2:1', () => {
    const map = locatorMap(['Sweden'])!;
    expect(map.shapes.map((s) => [s.id, s.name])).toEqual([['752', 'Sweden']]);
    expect(map.dots).toEqual([]);
    expect(map.unplaced).toEqual([]);
    expect(map.viewBox[2]).toBeGreaterThanOrEqual(150);
    expect(map.viewBox[2] / map.viewBox[3]).toBeCloseTo(2, 5);
    expect(inside(map.viewBox)).toBe(true);
  });
  it('the United States is framed by its mainland, not stretched to take in Alaska', () => {
    const us = locatorMap(['United States'])!;
    const world = BASE_WIDTH;
    expect(us.viewBox[2]).toBeLessThan(world / 2);
    expect(us.shapes[0]!.id).toBe('840');
  });
  it('countries on two continents widen the frame to take in both', () => {
    const one = locatorMap(['China'])!;
    const two = locatorMap(['China', 'Spain'])!;
    expect(two.viewBox[2]).toBeGreaterThan(one.viewBox[2]);
    expect(two.shapes.map((s) => s.name).sort()).toEqual(['China', 'Spain']);
    expect(inside(two.viewBox)).toBe(true);
  });
  it('a country too small for the atlas shapes is a dot; an unknown name is listed, not dropped', () => {
    const map = locatorMap(['Singapore', 'Atlantis'])!;
    expect(map.shapes).toEqual([]);
    expect(map.dots.map((d) => d.name)).toEqual(['Singapore']);
    expect(map.unplaced).toEqual(['Atlantis']);
    expect(locatorMap(['Atlantis'])).toBeNull();
  });
});
