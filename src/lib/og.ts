/**
 * Social preview images (1200×630 PNG), drawn at build time: satori lays out the text with the
 * Inter font and resvg rasterises it. Images are cached on disk by a digest of what they show,
 * so a rebuild only draws the trials whose title, status, phase or sponsor changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

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

export async function renderOgPng(card: OgCard): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify(card)).update('v1').digest('hex').slice(0, 32);
  const cached = join(CACHE, `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  fonts ??= [
    { name: 'Inter', data: font(400), weight: 400, style: 'normal' },
    { name: 'Inter', data: font(700), weight: 700, style: 'normal' },
  ];
  const svg = await satori(layout(card) as unknown as Parameters<typeof satori>[0], { width: 1200, height: 630, fonts });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
  try {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(cached, png);
  } catch {
    // a read-only node_modules only costs the cache
  }
  return png;
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
