/**
 * What a reader returns: the fields of one trial as the record states them, before the
 * vocabulary is applied (that is `normalize.ts`). Strings stay as written; a field the record
 * does not state is null or [].
 */
import type { Flag, Format } from '../schemas/trial.ts';

export interface RawDate {
  text: string;
  /** "ACTUAL" / "ESTIMATED" / a site's word for them, when the record says which */
  type: string | null;
}

export interface RawOutcome {
  measure: string;
  timeFrame: string | null;
  description: string | null;
}

export interface RawTrial {
  /** This trial's own registry ids as stated; the first is its primary id */
  registryIds: string[];
  secondaryIds: string[];
  title: string | null;
  officialTitle: string | null;
  acronym: string | null;
  status: string | null;
  phases: string[];
  studyType: string | null;
  conditions: string[];
  keywords: string[];
  sponsor: string | null;
  collaborators: string[];
  summary: string | null;
  description: string | null;
  enrollment: { count: string; type: string | null } | null;
  design: {
    allocation: string | null;
    interventionModel: string | null;
    primaryPurpose: string | null;
    masking: string | null;
    whoMasked: string[];
  };
  arms: { label: string; type: string | null; description: string | null; interventions: string[] }[];
  interventions: { type: string | null; name: string; description: string | null; otherNames: string[] }[];
  outcomes: { primary: RawOutcome[]; secondary: RawOutcome[] };
  eligibility: {
    sex: string | null;
    minAge: string | null;
    maxAge: string | null;
    healthyVolunteers: string | null;
    inclusion: string[];
    exclusion: string[];
  };
  dates: {
    start: RawDate | null;
    primaryCompletion: RawDate | null;
    completion: RawDate | null;
    firstPosted: RawDate | null;
    lastUpdated: RawDate | null;
  };
  locations: { facility: string | null; city: string | null; state: string | null; zip: string | null; country: string | null }[];
  hasResults: boolean | null;
  /** What the reader noticed about the record itself (glued lists, doubled text…) */
  notes: Flag[];
}

/** One record file, read. A JSON download may hold many trials. */
export interface ReadResult {
  format: Format;
  site: string | null;
  trials: RawTrial[];
}

export interface SourceFile {
  /** path relative to content/sources/, with forward slashes */
  path: string;
  content: string;
  /** how the bytes were decoded (encoding.ts); absent means UTF-8 */
  encoding?: 'utf-8' | 'utf-8-damaged' | 'windows-1252';
}

export type Reader = (file: SourceFile) => ReadResult;

export function emptyRawTrial(): RawTrial {
  return {
    registryIds: [],
    secondaryIds: [],
    title: null,
    officialTitle: null,
    acronym: null,
    status: null,
    phases: [],
    studyType: null,
    conditions: [],
    keywords: [],
    sponsor: null,
    collaborators: [],
    summary: null,
    description: null,
    enrollment: null,
    design: { allocation: null, interventionModel: null, primaryPurpose: null, masking: null, whoMasked: [] },
    arms: [],
    interventions: [],
    outcomes: { primary: [], secondary: [] },
    eligibility: { sex: null, minAge: null, maxAge: null, healthyVolunteers: null, inclusion: [], exclusion: [] },
    dates: { start: null, primaryCompletion: null, completion: null, firstPosted: null, lastUpdated: null },
    locations: [],
    hasResults: null,
    notes: [],
  };
}

/**
 * A record that cannot become a trial. The message names the file, the field, what was
 * expected and what was found, so a curator can fix the file without reading our code.
 */
export class IngestError extends Error {
  readonly file: string;
  readonly field: string | null;
  readonly expected: string | null;
  readonly found: string | null;

  constructor(file: string, reason: string, detail: { field?: string; expected?: string; found?: string } = {}) {
    const parts = [`${file}: ${reason}`];
    if (detail.field) parts.push(`field: ${detail.field}`);
    if (detail.expected) parts.push(`expected: ${detail.expected}`);
    if (detail.found !== undefined) parts.push(`found: ${detail.found}`);
    super(parts.join('\n  '));
    this.name = 'IngestError';
    this.file = file;
    this.field = detail.field ?? null;
    this.expected = detail.expected ?? null;
    this.found = detail.found ?? null;
  }
}

/** Show a found value in an error message: quoted, shortened, control characters visible. */
export function showFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const visible = (text ?? String(value)).replace(/[\u0000-\u0008\u000B-\u001F\u007F]/gu, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const short = visible.length > 120 ? `${visible.slice(0, 117)}…` : visible;
  return typeof value === 'string' ? `"${short}"` : short;
}
