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
  /** MeSH terms the registry derived from the conditions, and their ancestors in the MeSH tree (ClinicalTrials.gov API v2 JSON only) */
  conditionMesh: { terms: string[]; ancestors: string[] };
  sponsor: string | null;
  collaborators: string[];
  /** agency classes of the lead sponsor and collaborators, as written ("Other", "Industry", "U.S. Fed") */
  funderTypes: string[];
  summary: string | null;
  description: string | null;
  enrollment: { count: string; type: string | null } | null;
  design: {
    allocation: string | null;
    interventionModel: string | null;
    primaryPurpose: string | null;
    masking: string | null;
    whoMasked: string[];
    observationalModel: string | null;
    timePerspective: string | null;
    expandedAccessTypes: string[];
  };
  arms: { label: string; type: string | null; description: string | null; interventions: string[] }[];
  interventions: { type: string | null; name: string; description: string | null; otherNames: string[] }[];
  outcomes: { primary: RawOutcome[]; secondary: RawOutcome[]; other: RawOutcome[]; unclassified: RawOutcome[] };
  eligibility: {
    sex: string | null;
    minAge: string | null;
    maxAge: string | null;
    healthyVolunteers: string | null;
    ageGroups: string[];
    inclusion: string[];
    exclusion: string[];
  };
  dates: {
    start: RawDate | null;
    primaryCompletion: RawDate | null;
    completion: RawDate | null;
    firstPosted: RawDate | null;
    lastUpdated: RawDate | null;
    resultsFirstPosted: RawDate | null;
  };
  locations: { facility: string | null; city: string | null; state: string | null; zip: string | null; country: string | null }[];
  hasResults: boolean | null;
  documents: { label: string; url: string | null }[];
  /** When the record was retrieved, when it says so (a date the reader found beside it); the as-of date falls back to it */
  retrieved: string | null;
  /** For a row of a CSV download: its row in the file, counting the header as row 1 */
  row: number | null;
  /** What the reader noticed about the record itself (glued lists, doubled text…) */
  notes: Flag[];
}

/**
 * A record, or one row of a multi-record file, that cannot become a trial: the file (and row),
 * the field or column, why, what was expected and what was found. Plain data, so readings can be
 * cached and reports written from it.
 */
export interface Unreadable {
  file: string;
  /** the row of a CSV download (the header is row 1); null for a whole file */
  row: number | null;
  field: string | null;
  reason: string;
  expected: string | null;
  found: string | null;
}

/** The message of an unreadable record, as errors and reports print it. */
export function unreadableMessage(u: Unreadable): string {
  const parts = [`${u.file}${u.row ? `, row ${u.row}` : ''}: ${u.reason}`];
  if (u.field) parts.push(`${u.row ? 'column' : 'field'}: ${u.field}`);
  if (u.expected) parts.push(`expected: ${u.expected}`);
  if (u.found !== null) parts.push(`found: ${u.found}`);
  return parts.join('\n  ');
}

/** One record file, read. A JSON download or a CSV may hold many trials. */
export interface ReadResult {
  format: Format;
  site: string | null;
  trials: RawTrial[];
  /** rows of a multi-record file that could not be read; the other rows still are */
  failures?: Unreadable[];
  /** labels the page has that the reader does not read (shown by the curator command) */
  ignored?: string[];
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
    conditionMesh: { terms: [], ancestors: [] },
    sponsor: null,
    collaborators: [],
    funderTypes: [],
    summary: null,
    description: null,
    enrollment: null,
    design: {
      allocation: null,
      interventionModel: null,
      primaryPurpose: null,
      masking: null,
      whoMasked: [],
      observationalModel: null,
      timePerspective: null,
      expandedAccessTypes: [],
    },
    arms: [],
    interventions: [],
    outcomes: { primary: [], secondary: [], other: [], unclassified: [] },
    eligibility: { sex: null, minAge: null, maxAge: null, healthyVolunteers: null, ageGroups: [], inclusion: [], exclusion: [] },
    dates: { start: null, primaryCompletion: null, completion: null, firstPosted: null, lastUpdated: null, resultsFirstPosted: null },
    locations: [],
    hasResults: null,
    documents: [],
    retrieved: null,
    row: null,
    notes: [],
  };
}

/**
 * A record that cannot become a trial. The message names the file, the field, what was
 * expected and what was found, so a curator can fix the file without reading our code.
 */
export class IngestError extends Error {
  readonly file: string;
  /** the row of a multi-record file (a CSV download, the header is row 1) the error is about */
  readonly row: number | null;
  readonly reason: string;
  readonly field: string | null;
  readonly expected: string | null;
  readonly found: string | null;

  constructor(file: string, reason: string, detail: { field?: string; expected?: string; found?: string; row?: number } = {}) {
    super(unreadableMessage({ file, row: detail.row ?? null, reason, field: detail.field ?? null, expected: detail.expected ?? null, found: detail.found ?? null }));
    this.name = 'IngestError';
    this.file = file;
    this.row = detail.row ?? null;
    this.reason = reason;
    this.field = detail.field ?? null;
    this.expected = detail.expected ?? null;
    this.found = detail.found ?? null;
  }
}

export function unreadableOf(error: IngestError): Unreadable {
  return { file: error.file, row: error.row, reason: error.reason, field: error.field, expected: error.expected, found: error.found };
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
