/**
 * npm run permalinks — compares the built site (dist/) with the committed manifest of every public
 * URL (permalinks.txt). Exit 1 with the URLs listed when the build no longer serves some, or
 * serves new ones the manifest does not list yet.
 * npm run permalinks -- --update — writes the manifest from dist/ (after a deliberate addition);
 * it refuses when that would drop a URL, unless --allow-removal is given too.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { diffManifest, publicUrls, readManifest, writeManifest } from './quality/site.ts';

const MANIFEST = 'permalinks.txt';
const dist = process.env.DIST ?? 'dist';
const update = process.argv.includes('--update');
const allowRemoval = process.argv.includes('--allow-removal');

if (!existsSync(dist)) {
  console.error(`No built site in ${dist}/: run npm run build first.`);
  process.exit(2);
}
const built = publicUrls(dist);
const manifest = existsSync(MANIFEST) ? readManifest(readFileSync(MANIFEST, 'utf8')) : [];
const { missing, added } = diffManifest(manifest, built);

if (update) {
  if (missing.length && !allowRemoval) {
    console.error(`Not updating ${MANIFEST}: the build no longer serves ${missing.length} URL(s) people may have shared:\n${missing.map((u) => `  ${u}`).join('\n')}\nServe them again (or as redirects), or pass --allow-removal if they were never published.`);
    process.exit(1);
  }
  writeFileSync(MANIFEST, writeManifest(built));
  console.log(`${MANIFEST}: ${built.length} URLs (${added.length} added, ${missing.length} removed).`);
  process.exit(0);
}
if (missing.length) console.error(`The build no longer serves ${missing.length} URL(s) of ${MANIFEST}:\n${missing.map((u) => `  ${u}`).join('\n')}`);
if (added.length) console.error(`The build serves ${added.length} URL(s) not in ${MANIFEST} yet (npm run permalinks -- --update):\n${added.map((u) => `  ${u}`).join('\n')}`);
if (missing.length || added.length) process.exit(1);
console.log(`All ${manifest.length} URLs of ${MANIFEST} are served.`);
