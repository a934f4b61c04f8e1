/**
 * Screenshots of built pages at phone and desktop widths, light and dark, for looking at.
 * Usage: node scripts/screenshots.ts [outDir] [path ...]   (needs `npm run preview` running on :4321,
 * or BASE_URL). Not a test: people open the PNGs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [outDir = 'screenshots', ...paths] = process.argv.slice(2);
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4321';
const pages = paths.length ? paths : ['/', '/trials/', '/trials/NCT06688318/'];
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const path of pages) {
  for (const [label, width] of [['phone', 390], ['desktop', 1280]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      await page.goto(base + path, { waitUntil: 'networkidle' });
      const name = `${path.replace(/[^a-z0-9]+/giu, '_').replace(/^_|_$/gu, '') || 'home'}-${label}-${scheme}.png`;
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: process.env.FULL !== '0' });
      await page.close();
      console.log(`${outDir}/${name}`);
    }
  }
}
await browser.close();
