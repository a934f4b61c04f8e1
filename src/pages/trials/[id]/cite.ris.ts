import type { APIRoute } from 'astro';
import { toRis } from '../../../lib/cite.ts';
import { citeContext, trialFilePaths, type TrialFileProps } from '../../../lib/trial-routes.ts';

export const getStaticPaths = trialFilePaths;
export const GET: APIRoute<TrialFileProps> = ({ props, site }) =>
  new Response(toRis(props.trial, citeContext(props.trial, site)), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
