/** The records read but not published as catalogue trials (scope OTHER), each a full public record. */
import type { APIRoute } from 'astro';
import { screenedOutPublic } from '../../lib/trials.ts';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await screenedOutPublic(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
