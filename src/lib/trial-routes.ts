/** Static paths shared by the per-trial files (/trials/<id>/cite.*, og.png). */
import { publicTrials } from './trials.ts';
import { SITE, absolute, idSlug, trialPath } from './site.ts';
import type { CiteContext } from './cite.ts';
import type { Trial } from '../schemas/trial.ts';

export interface TrialFileProps {
  trial: Trial;
}

export async function trialFilePaths() {
  return (await publicTrials()).map((trial) => ({ params: { id: idSlug(trial.id) }, props: { trial } }));
}

export function citeContext(trial: Trial, site: URL | undefined): CiteContext {
  return { pageUrl: absolute(trialPath(trial.id), site), accessed: SITE.buildDate };
}
