/**
 * The world map of where trials run, drawn at build time: Natural Earth country shapes
 * (world-atlas TopoJSON, decoded with topojson-client) projected with d3-geo's Equal Earth
 * projection into SVG path data. Countries are keyed by ISO 3166-1 numeric code.
 *
 * Shapes come from the 1:110m atlas, small enough for a page. Countries too small for it
 * (Singapore, Hong Kong, Andorra…) are drawn as a dot at their centroid in the 1:50m atlas. A
 * country in neither, or whose name has no ISO code, cannot be placed: it is returned in
 * `unplaced`, and the page lists it in the table anyway.
 */
import { geoArea, geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world110 from 'world-atlas/countries-110m.json' with { type: 'json' };
import world50 from 'world-atlas/countries-50m.json' with { type: 'json' };
import type { CountryCount } from './overview.ts';
import { countryNumeric } from '../domain/countries.ts';

type Atlas = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type Country = Feature<Geometry, { name: string }>;

/** Upper bounds of the shading classes: 1–2, 3–9, 10–29, 30–99, 100 or more trials. */
export const MAP_BINS = [
  { min: 1, max: 2 },
  { min: 3, max: 9 },
  { min: 10, max: 29 },
  { min: 30, max: 99 },
  { min: 100, max: Infinity },
] as const;

/** The shading class of a count: 0 for no trial, 1–5 for the bins above. */
export function binOf(trials: number): number {
  if (trials <= 0) return 0;
  return MAP_BINS.findIndex((b) => trials >= b.min && trials <= b.max) + 1;
}

export interface MapShape {
  id: string;
  name: string;
  d: string;
  bin: number;
  trials: number;
}

export interface MapDot {
  id: string;
  name: string;
  x: number;
  y: number;
  bin: number;
  trials: number;
}

export interface WorldMap {
  width: number;
  height: number;
  /** every country of the atlas (Antarctica left out), shaded by its trials */
  shapes: MapShape[];
  /** countries with trials that the 1:110m atlas has no shape for, as dots */
  dots: MapDot[];
  /** countries with trials that cannot be placed on the map at all */
  unplaced: CountryCount[];
  /** per shading class, how many countries fall in it */
  legend: { bin: number; min: number; max: number; countries: number }[];
}

const ANTARCTICA = '010';
const nameSlug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/gu, '-');

const countriesOf = (atlas: Atlas, keep: (id: string) => boolean): Country[] => {
  const collection = atlas.objects.countries;
  const subset = { ...collection, geometries: collection.geometries.filter((g) => keep(String(g.id))) };
  return (feature(atlas, subset) as FeatureCollection<Geometry, { name: string }>).features;
};

/** The map of these country counts, `width` units wide (the height follows the projection). */
export function worldMap(counts: readonly CountryCount[], width = 640): WorldMap {
  const byId = new Map<string, CountryCount>();
  const unplaced: CountryCount[] = [];
  for (const c of counts) {
    if (c.numeric === null) unplaced.push(c);
    else byId.set(c.numeric, { ...c, trials: (byId.get(c.numeric)?.trials ?? 0) + c.trials });
  }
  const shapes110 = countriesOf(world110 as unknown as Atlas, (id) => id !== ANTARCTICA);
  const drawn = new Set(shapes110.map((f) => String(f.id)));
  const missing = [...byId.keys()].filter((id) => !drawn.has(id));
  const small = countriesOf(world50 as unknown as Atlas, (id) => missing.includes(id));
  const found = new Set(small.map((f) => String(f.id)));
  for (const id of missing) if (!found.has(id)) unplaced.push(byId.get(id)!);

  const projection = geoEqualEarth().fitWidth(width, { type: 'FeatureCollection', features: shapes110 });
  // whole units of a 640-wide map: sub-pixel precision would add a third to the page for nothing visible
  const path = geoPath(projection).digits(0);
  const [[, y0], [, y1]] = path.bounds({ type: 'FeatureCollection', features: shapes110 });
  const height = Math.ceil(y1 - y0);
  projection.translate([projection.translate()[0], projection.translate()[1] - y0]);

  const shapes: MapShape[] = shapes110
    .map((f) => {
      // a few disputed areas have no ISO code in the atlas (Kosovo, Somaliland): drawn, never shaded
      const id = f.id === undefined ? `x-${nameSlug(f.properties.name)}` : String(f.id);
      const trials = byId.get(id)?.trials ?? 0;
      return { id, name: byId.get(id)?.name ?? f.properties.name, d: path(f) ?? '', bin: binOf(trials), trials };
    })
    .filter((s) => s.d !== '')
    // countries with trials last, so their outlines draw over their neighbours'
    .sort((a, b) => a.trials - b.trials || a.id.localeCompare(b.id));
  const dots: MapDot[] = small
    .map((f) => {
      const id = String(f.id);
      const [x, y] = projection(geoCentroid(f)) ?? [NaN, NaN];
      const c = byId.get(id)!;
      return { id, name: c.name, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, bin: binOf(c.trials), trials: c.trials };
    })
    .sort((a, b) => b.trials - a.trials || a.name.localeCompare(b.name));
  const placed = [...byId.values()].filter((c) => drawn.has(c.numeric!) || found.has(c.numeric!));
  const legend = MAP_BINS.map((b, i) => ({ bin: i + 1, min: b.min, max: b.max, countries: placed.filter((c) => binOf(c.trials) === i + 1).length }));
  return { width, height, shapes, dots, unplaced: unplaced.sort((a, b) => b.trials - a.trials || a.name.localeCompare(b.name)), legend };
}

// ------------------------------------------------------------------ the locator map of one trial

/** The width of the shared base map (/map/world.svg) in its own units; locator maps crop it. */
export const BASE_WIDTH = 640;

let base: { path: ReturnType<typeof geoPath>; fine: ReturnType<typeof geoPath>; projection: ReturnType<typeof geoEqualEarth>; height: number; shapes: Country[] } | null = null;

/** The base map's projection, fitted once: the shared world outline and every locator map use it. */
function baseMap() {
  if (base) return base;
  const shapes = countriesOf(world110 as unknown as Atlas, (id) => id !== ANTARCTICA);
  const projection = geoEqualEarth().fitWidth(BASE_WIDTH, { type: 'FeatureCollection', features: shapes });
  const coarse = geoPath(projection).digits(0);
  const [[, y0], [, y1]] = coarse.bounds({ type: 'FeatureCollection', features: shapes });
  projection.translate([projection.translate()[0], projection.translate()[1] - y0]);
  base = { path: geoPath(projection).digits(0), fine: geoPath(projection).digits(1), projection, height: Math.ceil(y1 - y0), shapes };
  return base;
}

/** The world's land as one path, for /map/world.svg (referenced by every locator map, so browsers fetch it once). */
export function worldOutline(): { width: number; height: number; d: string } {
  const { path, height, shapes } = baseMap();
  return { width: BASE_WIDTH, height, d: path({ type: 'FeatureCollection', features: shapes }) ?? '' };
}

export interface LocatorMap {
  /** the part of the base map to show: x y width height */
  viewBox: [number, number, number, number];
  /** the trial's countries with a shape */
  shapes: { id: string; name: string; d: string }[];
  /** the trial's countries too small for a shape, at their centroid */
  dots: { id: string; name: string; x: number; y: number }[];
  /** the trial's countries the atlas cannot place (named under the map) */
  unplaced: string[];
}

/** A country's largest polygon (the whole country when it is one polygon). */
function mainland(f: Country): Country {
  if (f.geometry.type !== 'MultiPolygon') return f;
  const parts = f.geometry.coordinates.map((coordinates) => ({ type: 'Polygon' as const, coordinates }));
  const largest = parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  return { ...f, geometry: largest };
}

/** Smallest part of the base map a locator shows (a country alone would fill the frame), and its shape. */
const MIN_WIDTH = 150;
const ASPECT = 2;

/**
 * A small map of where one trial runs: the base map cropped to its countries (with room around
 * them to recognise the region), those countries drawn over it. Null when none can be placed.
 */
export function locatorMap(countries: readonly string[]): LocatorMap | null {
  const { fine, projection, height, shapes: all } = baseMap();
  const wanted = new Map<string, string>();
  const unplaced: string[] = [];
  for (const name of countries) {
    const numeric = countryNumeric(name);
    if (numeric) wanted.set(numeric, name);
    else unplaced.push(name);
  }
  const found = all.filter((f) => f.id !== undefined && wanted.has(String(f.id)));
  const drawn = new Set(found.map((f) => String(f.id)));
  const small = countriesOf(world50 as unknown as Atlas, (id) => wanted.has(id) && !drawn.has(id));
  const dotted = new Set(small.map((f) => String(f.id)));
  for (const [id, name] of wanted) if (!drawn.has(id) && !dotted.has(id)) unplaced.push(name);
  if (found.length === 0 && small.length === 0) return null;

  const shapes = found.map((f) => ({ id: String(f.id), name: wanted.get(String(f.id))!, d: fine(f) ?? '' }));
  const dots = small.map((f) => {
    const [x, y] = projection(geoCentroid(f)) ?? [NaN, NaN];
    return { id: String(f.id), name: wanted.get(String(f.id))!, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
  // the frame: each country's main landmass (Alaska or French Guiana would otherwise widen it to half the world)
  const boxes = [
    ...found.map((f) => fine.bounds(mainland(f))),
    ...dots.map((d) => [[d.x, d.y], [d.x, d.y]] as [[number, number], [number, number]]),
  ];
  let [x0, y0, x1, y1] = [Math.min(...boxes.map((b) => b[0][0])), Math.min(...boxes.map((b) => b[0][1])), Math.max(...boxes.map((b) => b[1][0])), Math.max(...boxes.map((b) => b[1][1]))];
  const pad = Math.max(x1 - x0, (y1 - y0) * ASPECT) * 0.15;
  [x0, y0, x1, y1] = [x0 - pad, y0 - pad / ASPECT, x1 + pad, y1 + pad / ASPECT];
  let w = Math.max(MIN_WIDTH, x1 - x0, (y1 - y0) * ASPECT);
  w = Math.min(w, BASE_WIDTH);
  const h = Math.min(w / ASPECT, height);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
  const vx = clamp(cx - w / 2, 0, BASE_WIDTH - w);
  const vy = clamp(cy - h / 2, 0, height - h);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { viewBox: [round(vx), round(vy), round(w), round(h)], shapes, dots, unplaced };
}
