/**
 * The per-trial data files — /trials/<id>.json (the public record) and /trials/<id>/cite.bib,
 * cite.json, cite.ris — written after `astro build` (the `astro:build:done` hook) from the
 * published /trials.json, the same records the pages show. As Astro endpoints they cost about
 * 1 ms each in the page phase (5,360 files on the real catalogue: 6.6–13.5 s of it, measured by
 * `npm run bench`); written here they take well under a second. The bytes are the same as the
 * endpoints wrote (the build test compares two builds file by file). A file already in the site
 * folder as the last build wrote it is not written again. Not served by `astro dev`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { toBibtex, toCslJson, toRis, type CiteContext } from '../lib/cite.ts';
import { SITE, absolute, trialJsonPath, trialPath } from '../lib/site.ts';
import type { Trial } from '../schemas/trial.ts';
import { ledgerFor } from './site-output.ts';

/** Every data file of one trial: path inside the site, and its content. */
export function trialFiles(trial: Trial, site: URL | undefined): { path: string; content: string }[] {
  const cite: CiteContext = { pageUrl: absolute(trialPath(trial.id), site), accessed: SITE.buildDate };
  const dir = trialPath(trial.id).slice(1);
  return [
    { path: trialJsonPath(trial.id).slice(1), content: `${JSON.stringify(trial, null, 2)}\n` },
    { path: `${dir}cite.bib`, content: toBibtex(trial, cite) },
    { path: `${dir}cite.json`, content: `${JSON.stringify(toCslJson(trial, cite), null, 2)}\n` },
    { path: `${dir}cite.ris`, content: toRis(trial, cite) },
  ];
}

export function trialDataFiles(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'msc-trial-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const trials = JSON.parse(readFileSync(join(out, 'trials.json'), 'utf8')) as Trial[];
        // a file whose content is already there, as written by the last build, is left alone (src/integrations/site-output.ts)
        const ledger = ledgerFor(out);
        let files = 0;
        let written = 0;
        for (const trial of trials) {
          for (const file of trialFiles(trial, site)) {
            files += 1;
            if (ledger.write(join(out, file.path), file.content)) written += 1;
          }
        }
        logger.info(
          `${files} trial data files (record and citations of ${trials.length} trials; ${written} written, ${files - written} unchanged) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
