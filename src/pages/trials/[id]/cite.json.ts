import type { APIRoute } from 'astro';
import { toCslJson } from '../../../lib/cite.ts';
import { citeContext, trialFilePaths, type TrialFileProps } from '../../../lib/trial-routes.ts';

export const getStaticPaths = trialFilePaths;
export const GET: APIRoute<TrialFileProps> = ({ props, site }) =>
  new Response(`${JSON.stringify(toCslJson(props.trial, citeContext(props.trial, site)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
