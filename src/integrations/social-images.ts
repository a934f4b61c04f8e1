/**
 * Per-trial social images, drawn after `astro build` has written the pages (the
 * `astro:build:done` hook): one 1200×630 PNG per catalogue trial at /trials/<id>/og.png, from the
 * published /trials.json. Not an Astro route: a route renders one image at a time on one thread,
 * while here resvg rasterises several at once off the main thread, and an image whose card has
 * not changed is copied from the cache (src/lib/og.ts), or left alone when the last build put it
 * there (src/integrations/site-output.ts). CATALOGUE_OG_IMAGES=0 skips them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { trialCard, writeOgPngs } from '../lib/og.ts';
import { SITE, idSlug } from '../lib/site.ts';
import type { Trial } from '../schemas/trial.ts';
import { ledgerFor } from './site-output.ts';

export function socialImages(): AstroIntegration {
  return {
    name: 'msc-social-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!SITE.ogImages) return;
        const started = performance.now();
        const site = fileURLToPath(dir);
        const trials = JSON.parse(readFileSync(join(site, 'trials.json'), 'utf8')) as Trial[];
        const jobs = trials.map((t) => ({ path: join(site, 'trials', idSlug(t.id), 'og.png'), card: trialCard(t) }));
        const { drawn, cached, unchanged } = await writeOgPngs(jobs, ledgerFor(site));
        logger.info(`${jobs.length} social images (${drawn} drawn, ${cached} from the cache, ${unchanged} unchanged in place) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
