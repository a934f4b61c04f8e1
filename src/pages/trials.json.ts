import type { APIRoute } from 'astro';
import { publicTrials } from '../lib/trials.ts';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await publicTrials(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
