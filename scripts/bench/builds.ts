/**
 * Build timing for `npm run bench`: one `astro build` in a project folder, its wall time, peak
 * memory and phases read from Astro's own log; and the framework's floor — a bare Astro site of as
 * many one-screen pages, read from a JSON file and indexed by Pagefind, built on the project's own
 * node_modules in the same run — so the catalogue's time can be given as a ratio to it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export interface Phases {
  /** content layer: the trials loader (ingest) and the rest of the sync */
  ingest: number | null;
  sync: number | null;
  /** type generation ("[types] Generated …") */
  types: number | null;
  /** static route generation, split by kind from the per-route lines ("├─ /trials/X/index.html (+31ms)") */
  generate: number | null;
  routes: { pages: number; dataFiles: number };
  /** after the pages: each trial's record and citation files ("[msc-trial-files] … in N ms") */
  trialFiles: number | null;
  /** after the pages, at the same time: the social images and Pagefind, as each integration reports it, and the two together */
  socialImages: number | null;
  pagefind: number | null;
  afterBuild: number | null;
}

export interface Build {
  seconds: number;
  peakMb: number;
  phases: Phases;
  /** the loader's summary line ("1393 trials from 6 record files (0 read, 6 unchanged; …)") */
  ingestLine: string;
}

const seconds = (text: string | undefined, unit: string | undefined) => (text === undefined ? null : Number(text) / (unit === 'ms' ? 1000 : 1));

/** Astro's log → phases. */
export function phasesOf(log: string): Phases {
  const clean = stripVTControlCharacters(log);
  const ingest = /\[msc-trials-loader\] .* in (\d+) ms/u.exec(clean);
  const syncStart = /(\d\d):(\d\d):(\d\d) \[content\] Syncing content/u.exec(clean);
  const syncEnd = /(\d\d):(\d\d):(\d\d) \[content\] Synced content/u.exec(clean);
  const clock = (m: RegExpExecArray) => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  const types = /\[types\] Generated (?:(\d+)m\s*)?([\d.]+)(m?s)/u.exec(clean);
  // "✓ Completed in 812ms." / "in 24.48s." / "in 2m 12s." after "generating static routes"
  const generate = /generating static routes[\s\S]*?✓ Completed in (?:(\d+)m\s*)?([\d.]+)(m?s)/u.exec(clean);
  // "indexed … into the search index in N ms", or on a warm build "… copied from the cache (nothing it is made from changed) in N ms"
  const pagefind = /(?:into the search index|pages copied from the cache \(nothing it is made from changed\)) in (\d+) ms/u.exec(clean);
  // the per-trial record and citation files, written after the pages (src/integrations/trial-files.ts)
  const trialFiles = /\[msc-trial-files\] .* in (\d+) ms/u.exec(clean);
  const social = /social images \(.*?\) in (\d+) ms/u.exec(clean);
  const afterBuild = /together in (\d+) ms/u.exec(clean);
  const routes = { pages: 0, dataFiles: 0 };
  for (const m of clean.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/gu)) {
    const path = m[1]!;
    const ms = Number(m[2]);
    if (path.endsWith('.html')) routes.pages += ms;
    else routes.dataFiles += ms;
  }
  return {
    ingest: ingest ? Number(ingest[1]) / 1000 : null,
    sync: syncStart && syncEnd ? clock(syncEnd) - clock(syncStart) : null,
    types: types ? Number(types[1] ?? 0) * 60 + seconds(types[2], types[3])! : null,
    generate: generate ? Number(generate[1] ?? 0) * 60 + seconds(generate[2], generate[3])! : null,
    routes: { pages: routes.pages / 1000, dataFiles: routes.dataFiles / 1000 },
    trialFiles: trialFiles ? Number(trialFiles[1]) / 1000 : null,
    socialImages: social ? Number(social[1]) / 1000 : null,
    pagefind: pagefind ? Number(pagefind[1]) / 1000 : null,
    afterBuild: afterBuild ? Number(afterBuild[1]) / 1000 : null,
  };
}

/** Run a command under /usr/bin/time: wall seconds, peak resident memory and the output. */
function timed(cwd: string, args: string[], env: Record<string, string>): { seconds: number; peakMb: number; log: string } {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const elapsed = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed:\n${run.stderr.slice(-3000)}`);
  const peakKb = Number(/(\d+)\s*$/u.exec(run.stderr.trim())?.[1] ?? 0);
  return { seconds: elapsed, peakMb: peakKb / 1024, log: run.stdout + run.stderr };
}

export interface BuildOptions {
  sources: string;
  outDir: string;
  cacheDir: string;
  /** per-trial social images, as `npm run build` draws them */
  ogImages: boolean;
  profileDir?: string;
}

/** `astro build` of the catalogue in `project` (a copy of the repo), as `npm run build` runs it. */
export function buildCatalogue(project: string, o: BuildOptions): Build {
  const args = [process.execPath, ...(o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : []), 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', o.outDir];
  const run = timed(project, args, {
    CATALOGUE_SOURCES: o.sources,
    CATALOGUE_CACHE_DIR: o.cacheDir,
    CATALOGUE_OG_IMAGES: o.ogImages ? '1' : '0',
    CATALOGUE_AS_OF: '2026-11-22',
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  const ingestLine = /\[msc-trials-loader\] (.*) in \d+ ms/u.exec(stripVTControlCharacters(run.log))?.[1] ?? '';
  return { seconds: run.seconds, peakMb: run.peakMb, phases: phasesOf(run.log), ingestLine };
}

export interface Floor {
  pages: number;
  seconds: number;
  astro: number;
  pagefind: number;
  peakMb: number;
}

/**
 * The framework's floor for `pages` pages: a bare Astro project (no integrations) whose one
 * dynamic route renders a one-screen page per record of a JSON file (id, title, a paragraph),
 * then the Pagefind CLI over its output. Built from empty caches, on the project's node_modules.
 */
export function buildFloor(root: string, nodeModules: string, pages: number): Floor {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages/p'), { recursive: true });
  symlinkSync(nodeModules, join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'package.json'), '{"name":"floor","private":true,"type":"module"}\n');
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  // one screen of a trial page: a title, eight facts and two paragraphs (≈ 1.5 KB of text)
  const words = ['randomised', 'umbilical', 'cord', 'adipose', 'marrow', 'secretome', 'vesicles', 'knee', 'osteoarthritis', 'fibrosis', 'COVID-19', 'safety', 'efficacy', 'infusion', 'intra-articular', 'placebo', 'dose', 'participants', 'weeks', 'outcome'];
  const prose = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ');
  const records = Array.from({ length: pages }, (_, i) => ({
    id: `T${String(i + 1).padStart(6, '0')}`,
    title: `Trial ${i + 1} of mesenchymal stromal cells in condition ${i % 97}`,
    facts: [
      ['Status', ['Recruiting', 'Completed', 'Unknown status'][i % 3]!],
      ['Phase', `Phase ${1 + (i % 3)}`],
      ['Enrollment', `${20 + (i % 80)} participants`],
      ['Sponsor', `Sponsor ${i % 211}`],
      ['Country', `Country ${i % 58}`],
      ['Start', `${2008 + (i % 16)}-0${1 + (i % 9)}`],
      ['Product', ['Cells', 'Secretome', 'Extracellular vesicles'][i % 3]!],
      ['Route', ['Intravenous', 'Intra-articular', 'Topical'][i % 3]!],
    ],
    summary: prose(i, 90),
    description: prose(i + 1, 120),
  }));
  writeFileSync(join(root, 'src/records.json'), JSON.stringify(records));
  writeFileSync(
    join(root, 'src/pages/p/[id].astro'),
    `---
import records from '../../records.json';
export function getStaticPaths() { return records.map((r) => ({ params: { id: r.id }, props: { r } })); }
const { r } = Astro.props;
---
<html lang="en"><head><meta charset="utf-8"><title>{r.title}</title></head>
<body><main data-pagefind-body><h1>{r.title}</h1><dl>{r.facts.map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl><p>{r.summary}</p><p>{r.description}</p></main></body></html>
`,
  );  const env = { ASTRO_TELEMETRY_DISABLED: '1' };
  const astro = timed(root, [process.execPath, 'node_modules/astro/bin/astro.mjs', 'build'], env);
  const pagefind = timed(root, [process.execPath, 'node_modules/pagefind/lib/runner/bin.cjs', '--site', 'dist'], env);
  return { pages, seconds: astro.seconds + pagefind.seconds, astro: astro.seconds, pagefind: pagefind.seconds, peakMb: Math.max(astro.peakMb, pagefind.peakMb) };
}
