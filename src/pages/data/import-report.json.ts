/** /data/import-report.json: every record file (or row of one) that could not become a trial, with why. */
import type { APIRoute } from 'astro';
import { unreadableRecords } from '../../lib/import-report.ts';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify({ unreadable: await unreadableRecords() }, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
