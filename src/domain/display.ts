/**
 * How every layer shows a status and a date: the status tones with their shapes, and ISO dates in
 * words. Pages, the shared renderers and the browser scripts import these (lib/format.ts
 * re-exports them); the module is tiny and imports no values, so a browser bundle stays small.
 */
import type { STATUS } from './vocabulary.ts';

export type Tone = 'ok' | 'info' | 'pending' | 'stop' | 'neutral' | 'violet';

/** Status tones, in the vocabulary's order: the badge always says the status in words too. */
export const STATUS_TONE: Record<keyof typeof STATUS, Tone> = {
  NOT_YET_RECRUITING: 'pending',
  RECRUITING: 'ok',
  ENROLLING_BY_INVITATION: 'ok',
  ACTIVE_NOT_RECRUITING: 'info',
  SUSPENDED: 'stop',
  TERMINATED: 'stop',
  COMPLETED: 'neutral',
  WITHDRAWN: 'stop',
  UNKNOWN: 'neutral',
  AVAILABLE: 'ok',
  NO_LONGER_AVAILABLE: 'neutral',
  TEMPORARILY_NOT_AVAILABLE: 'pending',
  APPROVED_FOR_MARKETING: 'info',
  WITHHELD: 'neutral',
};

/** The shape each tone shows beside its words, so a status never rests on colour alone. */
export const TONE_SHAPE: Record<Tone, string> = { ok: '●', info: '◐', pending: '○', stop: '■', neutral: '◆', violet: '◆' };

export const statusTone = (status: keyof typeof STATUS | null | undefined): Tone => (status ? STATUS_TONE[status] : 'neutral');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-08-01" → "1 Aug 2022"; "2023-06" → "Jun 2023". */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
