import type { APIRoute } from 'astro';
import { trialsToCsv } from '../lib/csv.ts';
import { publicTrials } from '../lib/trials.ts';

export const GET: APIRoute = async () =>
  new Response(trialsToCsv(await publicTrials()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
