/**
 * Field-level differences between two versions of a trial record, for the curator command's
 * import report ("enrollment.count: 11 → 12"). Lists compare as whole values, shown shortened.
 */
import type { Trial } from '../schemas/trial.ts';

export interface Change {
  path: string;
  before: string;
  after: string;
}

const IGNORED = new Set(['sources', 'flags']);

function show(value: unknown): string {
  if (value === null || value === undefined) return 'not stated';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

function walk(path: string, a: unknown, b: unknown, out: Change[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(path ? `${path}.${key}` : key, a[key], b[key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const added = b.filter((x) => !a.some((y) => JSON.stringify(y) === JSON.stringify(x)));
    const removed = a.filter((x) => !b.some((y) => JSON.stringify(y) === JSON.stringify(x)));
    if (added.length || removed.length) {
      out.push({
        path,
        before: `${a.length} item${a.length === 1 ? '' : 's'}${removed.length ? `, without ${removed.map(show).join(', ')}` : ''}`,
        after: `${b.length} item${b.length === 1 ? '' : 's'}${added.length ? `, adding ${added.map(show).join(', ')}` : ''}`,
      });
    } else out.push({ path, before: 'same items', after: 'another order' });
    return;
  }
  out.push({ path, before: show(a), after: show(b) });
}

export function diffTrials(before: Trial, after: Trial): Change[] {
  const out: Change[] = [];
  for (const key of Object.keys(after) as (keyof Trial)[]) {
    if (IGNORED.has(key)) continue;
    walk(key, before[key], after[key], out);
  }
  return out;
}
