/** The site's own social preview image. */
import type { APIRoute } from 'astro';
import { OG_TONES, renderOgPng } from '../../lib/og.ts';
import { SITE } from '../../lib/site.ts';
import { allTrials } from '../../lib/trials.ts';

export const GET: APIRoute = async () => {
  const count = (await allTrials()).length;
  const png = await renderOgPng({
    eyebrow: SITE.name,
    title: 'Clinical trials of mesenchymal stromal cells, secretome and extracellular vesicles — read, search, compare, cite',
    badges: [
      { text: `${count} trials`, ...OG_TONES.info },
      { text: 'Comparison grid', ...OG_TONES.violet },
      { text: 'Source provenance', ...OG_TONES.ok },
    ],
    footer: 'Open data: JSON, CSV, JSON Schema',
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
