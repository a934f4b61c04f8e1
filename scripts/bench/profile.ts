/**
 * Where a build's time goes: reads the V8 CPU profile(s) that `node --cpu-prof` wrote for the
 * Astro process and sums sample time by function, self and inclusive, with (idle) being the time
 * the process waited (for the disk, or for Pagefind's own process, which a Node profile cannot see).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const short = (url: string) => url.replace(/^file:\/\//u, '').replace(/.*\/node_modules\//u, '').replace(/.*\/(src|\.prerender|dist)\//u, '$1/');

export function summariseProfile(dir: string, top = 18): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  // the largest profile is the build itself (smaller ones are helper processes)
  const file = files.map((f) => ({ f, size: readFileSync(join(dir, f)).length })).sort((a, b) => b.size - a.size)[0];
  if (!file) return 'no profile written';
  const profile = JSON.parse(readFileSync(join(dir, file.f), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, k) => {
    const dt = profile.timeDeltas[k] ?? 0;
    time.set(id, (time.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  for (const [id, t] of time) {
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + t);
    }
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => !k.startsWith('(root)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${(v / 1e6).toFixed(1).padStart(6)} s  ${((100 * v) / total).toFixed(0).padStart(3)} %  ${k}`)
      .join('\n');
  return `profile ${file.f}: ${(total / 1e6).toFixed(1)} s sampled\nself time:\n${list(self)}\ninclusive time:\n${list(inclusive)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(summariseProfile(process.argv[2] ?? '.'));
