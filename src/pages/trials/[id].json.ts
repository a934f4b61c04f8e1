import type { APIRoute, GetStaticPaths } from 'astro';
import { allTrials, entryKey } from '../../lib/trials.ts';
import { toPublicTrial } from '../../schemas/trial.ts';
import type { Trial } from '../../schemas/trial.ts';
import { idSlug } from '../../lib/site.ts';

// the record depends on the trial's entry only (cache key for incremental builds)
export const getStaticPaths = (async () =>
  (await allTrials()).map((entry) => ({ params: { id: idSlug(entry.id) }, props: { trial: toPublicTrial(entry) }, cacheKey: entryKey(entry) }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ trial: Trial }> = ({ props }) =>
  new Response(`${JSON.stringify(props.trial, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
