/** Static paths shared by the per-trial files (/trials/<id>/cite.*). */
import { entryKey, siteKey, trialsWithPublic } from './trials.ts';
import { SITE, absolute, idSlug, trialPath } from './site.ts';
import type { CiteContext } from './cite.ts';
import type { Trial } from '../schemas/trial.ts';

export interface TrialFileProps {
  trial: Trial;
}

/** One path per trial; the cache key (incremental builds) is the trial's entry and the site-wide state. */
export async function trialFilePaths() {
  const site = await siteKey();
  return (await trialsWithPublic()).map(({ entry, trial }) => ({ params: { id: idSlug(entry.id) }, props: { trial }, cacheKey: `${entryKey(entry)}:${site}` }));
}

export function citeContext(trial: Trial, site: URL | undefined): CiteContext {
  return { pageUrl: absolute(trialPath(trial.id), site), accessed: SITE.buildDate };
}
