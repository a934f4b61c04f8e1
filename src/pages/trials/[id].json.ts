import type { APIRoute, GetStaticPaths } from 'astro';
import { publicTrials } from '../../lib/trials.ts';
import type { Trial } from '../../schemas/trial.ts';
import { idSlug } from '../../lib/site.ts';

export const getStaticPaths = (async () =>
  (await publicTrials()).map((trial) => ({ params: { id: idSlug(trial.id) }, props: { trial } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ trial: Trial }> = ({ props }) =>
  new Response(`${JSON.stringify(props.trial, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
