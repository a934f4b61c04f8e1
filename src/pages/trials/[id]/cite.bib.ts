import type { APIRoute } from 'astro';
import { toBibtex } from '../../../lib/cite.ts';
import { citeContext, trialFilePaths, type TrialFileProps } from '../../../lib/trial-routes.ts';

export const getStaticPaths = trialFilePaths;
export const GET: APIRoute<TrialFileProps> = ({ props, site }) =>
  new Response(toBibtex(props.trial, citeContext(props.trial, site)), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
