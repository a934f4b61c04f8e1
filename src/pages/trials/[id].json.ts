import type { APIRoute, GetStaticPaths } from 'astro';
import { entryKey, trialsWithPublic } from '../../lib/trials.ts';
import type { Trial } from '../../schemas/trial.ts';
import { idSlug } from '../../lib/site.ts';

// the record depends on the trial's entry only (cache key for incremental builds)
export const getStaticPaths = (async () =>
  (await trialsWithPublic()).map(({ entry, trial }) => ({ params: { id: idSlug(entry.id) }, props: { trial }, cacheKey: entryKey(entry) }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ trial: Trial }> = ({ props }) =>
  new Response(`${JSON.stringify(props.trial, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
