/** The compact list the browse page filters, sorts and exports in the browser (loaded only when used). */
import type { APIRoute } from 'astro';
import { browseRow } from '../../lib/browse-rows.ts';
import { publicTrials } from '../../lib/trials.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await publicTrials()).map(browseRow)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
