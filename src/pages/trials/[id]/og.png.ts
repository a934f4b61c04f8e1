/** The trial's social preview image, drawn at build time (title, status, phase, product, sponsor). */
import type { APIRoute } from 'astro';
import { OG_TONES, renderOgPng } from '../../../lib/og.ts';
import { STATUS_TONE, phasesLabel, productsLabel, statusLabel } from '../../../lib/format.ts';
import { SITE } from '../../../lib/site.ts';
import { trialFilePaths, type TrialFileProps } from '../../../lib/trial-routes.ts';

export const getStaticPaths = async () => (SITE.ogImages ? trialFilePaths() : []);
export const GET: APIRoute<TrialFileProps> = async ({ props: { trial: t } }) => {
  const png = await renderOgPng({
    eyebrow: `${SITE.name} · ${t.id}`,
    title: t.title,
    badges: [
      { text: statusLabel(t.status), ...OG_TONES[t.status ? STATUS_TONE[t.status] : 'neutral'] },
      { text: phasesLabel(t.phases), ...OG_TONES.violet },
      ...(t.therapy.products.length ? [{ text: productsLabel(t), ...OG_TONES.neutral }] : []),
    ],
    footer: t.sponsor ? `Sponsor: ${t.sponsor}` : 'Sponsor not stated',
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
