import type { APIRoute } from 'astro';
import { trialJsonSchema } from '../../schemas/json-schema.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(trialJsonSchema(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
