/** /search/vocabulary.json: the catalogue's words for spelling suggestions (src/lib/search-vocabulary.ts). */
import type { APIRoute } from 'astro';
import { buildVocabulary } from '../../lib/search-vocabulary.ts';
import { publicTrials } from '../../lib/trials.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildVocabulary(await publicTrials())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
