/**
 * The comparison page's trial picker and id lookup (src/lib/compare-selection.ts): every public
 * trial with its categories and other registry ids, loaded only when a reader opens the picker or
 * a shared link names a trial in another form than its id.
 */
import type { APIRoute } from 'astro';
import { pickerIndex } from '../../lib/compare-picker.ts';
import { publicTrials } from '../../lib/trials.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(pickerIndex(await publicTrials())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
