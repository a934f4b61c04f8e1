/**
 * Social preview images (1200×630 PNG), drawn at build time: satori lays out the text with the
 * Inter font and resvg rasterises it — off the main thread (`renderAsync`, libuv's thread pool),
 * several at once, so both cores draw. Images are cached on disk by a digest of what they show,
 * so a rebuild only draws the trials whose title, status, phase or sponsor changed.
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { STATUS_TONE, phasesLabel, productsLabel, statusLabel } from './format.ts';
import { SITE } from './site.ts';
import type { Trial } from '../schemas/trial.ts';

const require = createRequire(import.meta.url);
const font = (weight: 400 | 700) =>
  readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`));

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | null = null;
// CATALOGUE_CACHE_DIR moves every build cache (a clean build for the reproducibility test)
const CACHE = process.env.CATALOGUE_CACHE_DIR ? join(process.env.CATALOGUE_CACHE_DIR, 'msc-og') : join(process.cwd(), 'node_modules/.cache/msc-og');

export interface OgCard {
  eyebrow: string;
  title: string;
  badges: { text: string; bg: string; fg: string }[];
  footer: string;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string } };
const h = (type: string, style: Record<string, unknown>, children?: Node['props']['children']): Node => ({
  type,
  props: { style, children },
});

function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/u, '')}…`;
}

function layout(card: OgCard): Node {
  const title = clamp(card.title, 150);
  const size = title.length > 110 ? 46 : title.length > 70 ? 54 : 62;
  return h(
    'div',
    { width: 1200, height: 630, display: 'flex', background: '#ffffff', borderTop: '18px solid #0b5b74', fontFamily: 'Inter', color: '#15202b' },
    h(
      'div',
      { width: 1060, height: 560, margin: '24px 70px 28px 70px', display: 'flex', flexDirection: 'column', justifyContent: 'space-between' },
      [
        h('div', { display: 'flex', fontSize: 28, fontWeight: 700, color: '#0b5b74' }, card.eyebrow),
        h('div', { display: 'flex', width: 1060, fontSize: size, fontWeight: 700, lineHeight: 1.15, letterSpacing: '-0.01em' }, title),
        h('div', { display: 'flex', flexDirection: 'column', gap: 22 }, [
          h(
            'div',
            { display: 'flex', gap: 14, flexWrap: 'wrap' },
            card.badges.map((b) =>
              h('div', { display: 'flex', padding: '8px 20px', borderRadius: 999, background: b.bg, color: b.fg, fontSize: 26, fontWeight: 700 }, b.text),
            ),
          ),
          h('div', { display: 'flex', fontSize: 26, color: '#4b5969' }, clamp(card.footer, 90)),
        ]),
      ],
    ),
  );
}

const keyOf = (card: OgCard) => createHash('sha256').update(JSON.stringify(card)).update('v1').digest('hex').slice(0, 32);

export function svgOf(card: OgCard): Promise<string> {
  fonts ??= [
    { name: 'Inter', data: font(400), weight: 400, style: 'normal' },
    { name: 'Inter', data: font(700), weight: 700, style: 'normal' },
  ];
  return satori(layout(card) as unknown as Parameters<typeof satori>[0], { width: 1200, height: 630, fonts });
}

function remember(key: string, png: Buffer): void {
  try {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(join(CACHE, `${key}.png`), png);
  } catch {
    // a read-only node_modules only costs the cache
  }
}

/** One image, drawn on the calling thread (or read from the cache). */
export async function renderOgPng(card: OgCard): Promise<Buffer> {
  const key = keyOf(card);
  const cached = join(CACHE, `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  const png = new Resvg(await svgOf(card), { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
  remember(key, png);
  return png;
}

/** What the site folder already holds (src/integrations/site-output.ts): whether a file is there as written for a digest. */
export interface PlacedFiles {
  current(path: string, digest: string): boolean;
  wrote(path: string, digest: string): void;
}

/**
 * Many images, each written to its path: left alone when `placed` says the file there was written
 * for the same card, else copied from the cache when drawn before, else laid out (satori, on this
 * thread) and rasterised `concurrency` at a time off it. Returns how many were drawn, copied and left.
 */
export async function writeOgPngs(
  jobs: readonly { path: string; card: OgCard }[],
  placed?: PlacedFiles,
  concurrency = 4,
): Promise<{ drawn: number; cached: number; unchanged: number }> {
  let next = 0;
  let drawn = 0;
  let unchanged = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { path, card } = jobs[next++]!;
      const key = keyOf(card);
      if (placed?.current(path, key)) {
        unchanged += 1;
        continue;
      }
      const cached = join(CACHE, `${key}.png`);
      mkdirSync(join(path, '..'), { recursive: true });
      // drawn before: the file is copied by the kernel (a clone where the disk can), never read into JS
      if (existsSync(cached)) copyFileSync(cached, path, constants.COPYFILE_FICLONE);
      else {
        const png = (await renderAsync(await svgOf(card), { fitTo: { mode: 'width', value: 1200 } })).asPng();
        remember(key, png);
        writeFileSync(path, png);
        drawn += 1;
      }
      placed?.wrote(path, key);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { drawn, cached: jobs.length - drawn - unchanged, unchanged };
}

/** What a trial's image shows: the site and id, the title, status, phase and product badges, the sponsor. */
export function trialCard(t: Pick<Trial, 'id' | 'title' | 'status' | 'phases' | 'therapy' | 'sponsor'>): OgCard {
  return {
    eyebrow: `${SITE.name} · ${t.id}`,
    title: t.title,
    badges: [
      { text: statusLabel(t.status), ...OG_TONES[t.status ? STATUS_TONE[t.status] : 'neutral'] },
      { text: phasesLabel(t.phases), ...OG_TONES.violet },
      ...(t.therapy.products.length ? [{ text: productsLabel(t as Trial), ...OG_TONES.neutral }] : []),
    ],
    footer: t.sponsor ? `Sponsor: ${t.sponsor}` : 'Sponsor not stated',
  };
}

/** Badge colours for the image (light theme, matching the site's tones). */
export const OG_TONES = {
  ok: { bg: '#e2f3e7', fg: '#165c2c' },
  info: { bg: '#e3edfa', fg: '#1b4d86' },
  pending: { bg: '#fcefd7', fg: '#744700' },
  stop: { bg: '#fbe4e4', fg: '#8a1c1c' },
  neutral: { bg: '#eceff3', fg: '#37475a' },
  violet: { bg: '#efeafa', fg: '#52378a' },
} as const;
