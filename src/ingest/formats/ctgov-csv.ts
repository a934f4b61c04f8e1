/**
 * ClinicalTrials.gov CSV downloads, in both dialects people have on disk, told apart by the
 * header row (never the file name):
 *
 * - `ctgov-csv-classic`: the classic site's "Download" (Rank, NCT Number, Title, … URL; 27
 *   columns): human words ("Active, not recruiting", "Phase 1|Phase 2"), month dates ("June 2008").
 * - `ctgov-csv`: today's site download and the API's `format=csv` (NCT Number, Study Title, Study
 *   URL, …): enum words (RECRUITING, PHASE1|PHASE2), ISO dates, and any subset of its columns in
 *   any order (the API's `fields=`).
 *
 * Parsed by csv-parse, row by row: each row becomes a trial as it is parsed (`on_record`), so the
 * file is never held as a table. A row that cannot be read (a wrong number of cells, no NCT number,
 * no title) becomes a named failure with its row and column; every other row is still read. Each
 * cell lands in a field of the record (docs/records.md has the column table); a value outside the
 * vocabulary is flagged by normalize, never dropped.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { countryCode } from '../../domain/countries.ts';
import { asRegistryId } from '../../domain/registries.ts';
import { emptyRawTrial, showFound, type RawDate, type RawOutcome, type RawTrial, type ReadResult, type SourceFile, type Unreadable } from '../types.ts';
import { splitIdentifiers, splitInterventionLine, splitMasking } from './common.ts';

export type CsvDialect = 'classic' | 'modern';

/** Columns only one dialect has; "NCT Number" is in both. */
const CLASSIC_ONLY = ['Rank', 'Title', 'Status', 'Outcome Measures', 'Sponsor/Collaborators', 'Gender', 'Funded Bys', 'Study Designs', 'URL'];
const MODERN_ONLY = [
  'Study Title',
  'Study URL',
  'Study Status',
  'Brief Summary',
  'Primary Outcome Measures',
  'Secondary Outcome Measures',
  'Other Outcome Measures',
  'Sponsor',
  'Collaborators',
  'Sex',
  'Funder Type',
  'Study Design',
];
/** Every column each dialect may have: a header with any other column is not this format. */
const CLASSIC_COLUMNS = new Set([
  'Rank', 'NCT Number', 'Title', 'Acronym', 'Status', 'Study Results', 'Conditions', 'Interventions', 'Outcome Measures',
  'Sponsor/Collaborators', 'Gender', 'Age', 'Phases', 'Enrollment', 'Funded Bys', 'Study Type', 'Study Designs', 'Other IDs',
  'Start Date', 'Primary Completion Date', 'Completion Date', 'First Posted', 'Results First Posted', 'Last Update Posted',
  'Locations', 'Study Documents', 'URL',
]);
const MODERN_COLUMNS = new Set([
  'NCT Number', 'Study Title', 'Study URL', 'Acronym', 'Study Status', 'Brief Summary', 'Study Results', 'Conditions',
  'Interventions', 'Primary Outcome Measures', 'Secondary Outcome Measures', 'Other Outcome Measures', 'Sponsor',
  'Collaborators', 'Sex', 'Age', 'Phases', 'Enrollment', 'Funder Type', 'Study Type', 'Study Design', 'Other IDs',
  'Start Date', 'Primary Completion Date', 'Completion Date', 'First Posted', 'Results First Posted', 'Last Update Posted',
  'Locations', 'Study Documents',
]);

/** The header row of a CSV text, or null when the first line is not a CSV header. */
export function csvHeader(content: string): string[] | null {
  const text = content.replace(/^\uFEFF/u, '');
  const end = text.search(/\r?\n/u);
  const first = end < 0 ? text : text.slice(0, end);
  if (!first.includes(',') && !first.includes('NCT Number')) return null;
  try {
    const rows = parse(first, { relax_quotes: true, trim: true }) as string[][];
    return rows[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Which dialect a header row is: it names "NCT Number", only columns of one dialect, and at
 * least one column that only that dialect has (a header of "NCT Number" alone reads as modern,
 * the API's smallest `fields=`). Null when it is not a ClinicalTrials.gov CSV header.
 */
export function csvDialect(header: readonly string[]): CsvDialect | null {
  if (!header.includes('NCT Number')) return null;
  const classic = header.every((h) => CLASSIC_COLUMNS.has(h)) && header.some((h) => CLASSIC_ONLY.includes(h));
  const modern = header.every((h) => MODERN_COLUMNS.has(h));
  if (classic && !header.some((h) => MODERN_ONLY.includes(h))) return 'classic';
  if (modern) return 'modern';
  return null;
}

/** The columns of a header that neither dialect knows, for the error that refuses it. */
export function unknownColumns(header: readonly string[]): string[] {
  return header.filter((h) => !CLASSIC_COLUMNS.has(h) && !MODERN_COLUMNS.has(h));
}

// ------------------------------------------------------------------ cells

/** A multi-valued cell: values joined with "|" (the classic site pads with spaces). */
const list = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split('|')
    .map((v) => v.replace(/[\s\u00A0]+/gu, ' ').trim())
    .filter((v) => v !== '');
const one = (cell: string | undefined): string | null => {
  const v = (cell ?? '').replace(/[\s\u00A0]+/gu, ' ').trim();
  return v === '' ? null : v;
};
const date = (cell: string | undefined): RawDate | null => {
  const text = one(cell);
  return text ? { text, type: null } : null;
};

/**
 * "18 Years to 65 Years   (Adult, Older Adult)", "40 Years and older", "up to 18 Years (Child)",
 * "Child, Adult, Older Adult", "ADULT, OLDER_ADULT": the range (for the age fields) and the groups.
 */
export function splitAge(cell: string | null): { range: string | null; groups: string[] } {
  if (cell == null) return { range: null, groups: [] };
  const text = cell.replace(/[\s\u00A0]+/gu, ' ').trim();
  const inParens = /^(.*?)\s*\(([^()]*)\)\s*$/u.exec(text);
  const GROUPS = /^(?:child|adult|older[ _]adult)(?:\s*,\s*(?:child|adult|older[ _]adult))*$/iu;
  if (inParens && GROUPS.test(inParens[2]!.trim())) {
    return { range: inParens[1]!.trim() || null, groups: inParens[2]!.split(/\s*,\s*/u) };
  }
  if (GROUPS.test(text)) return { range: null, groups: text.split(/\s*,\s*/u) };
  return { range: text, groups: [] };
}

/** "Allocation: N/A|Intervention Model: …|Masking: Quadruple (Participant, …)|Primary Purpose: …" */
export function splitDesign(cell: string | undefined, trial: RawTrial): void {
  for (const part of list(cell)) {
    const colon = part.indexOf(':');
    const key = colon < 0 ? part : part.slice(0, colon).trim();
    const value = colon < 0 ? '' : part.slice(colon + 1).trim();
    if (value === '') continue;
    switch (key.toLowerCase()) {
      case 'allocation':
        trial.design.allocation = value;
        break;
      case 'intervention model':
        trial.design.interventionModel = value;
        break;
      case 'primary purpose':
        trial.design.primaryPurpose = value;
        break;
      case 'masking': {
        const { masking, whoMasked } = splitMasking(value);
        trial.design.masking = masking;
        trial.design.whoMasked = whoMasked;
        break;
      }
      case 'observational model':
        trial.design.observationalModel = value;
        break;
      case 'time perspective':
        trial.design.timePerspective = value;
        break;
      default:
        trial.notes.push({
          code: 'unmapped-value',
          field: 'design',
          severity: 'warning',
          message: `The study design states "${part}", which is not a design field the catalogue knows; it is not shown.`,
        });
    }
  }
}

/** "Expanded Access:Individual Patients|Treatment IND/Protocol" → the type and its kinds. */
function splitStudyType(cell: string | undefined, trial: RawTrial): void {
  const parts = list(cell);
  if (parts.length === 0) return;
  const [first, ...rest] = parts;
  const colon = first!.indexOf(':');
  if (colon < 0) {
    trial.studyType = first!;
    trial.design.expandedAccessTypes.push(...rest);
    return;
  }
  trial.studyType = first!.slice(0, colon).trim();
  trial.design.expandedAccessTypes.push(first!.slice(colon + 1).trim(), ...rest);
}

/** A time frame as registries write them, to tell it from a description at the end of an outcome. */
const TIME_FRAME = /\b(?:\d+\s*(?:-|to)?\s*\d*\s*(?:minutes?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)|baseline|day\s*\d+|week\s*\d+|month\s*\d+|year\s*\d+|through|until|up to|end of|discharge|follow[- ]?up|visit)\b/iu;

/**
 * One outcome of today's CSV, "measure, description, time frame" joined with ", ": the last part
 * is the time frame when it reads as one, the first part the measure, anything between the
 * description. Measures that contain ", " themselves cannot be told apart; docs/records.md says so.
 */
export function splitOutcome(text: string): RawOutcome {
  const parts = text.split(/,\s+/u);
  if (parts.length < 2 || !TIME_FRAME.test(parts[parts.length - 1]!)) return { measure: text, timeFrame: null, description: null };
  const timeFrame = parts.pop()!;
  const [measure, ...description] = parts;
  return { measure: measure!, timeFrame, description: description.length ? description.join(', ') : null };
}

/**
 * "facility, city, state, country" (classic) or "facility, city, state, zip, country" (today's):
 * the country is the last part (two when its name has a comma, "Korea, Republic of"), a postal
 * code before it is the zip; then state and city from the right when there are enough parts, and
 * the rest (commas kept) is the facility.
 */
export function splitLocation(text: string): RawTrial['locations'][number] {
  const parts = text.split(/\s*,\s*/u).filter((p) => p !== '');
  const tailTwo = parts.length >= 3 ? parts.slice(-2).join(', ') : null;
  const country = tailTwo && countryCode(tailTwo) ? (parts.splice(-2), tailTwo) : (parts.pop() ?? null);
  const zip = parts.length >= 3 && /^(?=.*\d)[A-Z0-9][A-Z0-9 -]{1,9}$/iu.test(parts[parts.length - 1]!) ? parts.pop()! : null;
  let state: string | null = null;
  let city: string | null = null;
  if (parts.length >= 3) state = parts.pop()!;
  if (parts.length >= 2) city = parts.pop()!;
  else if (parts.length === 1 && zip === null) {
    // "City, Country": a location without a facility name
    return { facility: null, city: parts[0]!, state: null, zip, country };
  }
  return { facility: parts.length ? parts.join(', ') : null, city, state, zip, country };
}

/** '"Study Protocol and Statistical Analysis Plan", https://…/Prot_SAP_000.pdf' → label and link. */
export function splitDocument(text: string): { label: string; url: string | null } {
  const match = /^(.*?),\s*(https?:\/\/\S+)\s*$/u.exec(text);
  const label = (match ? match[1]! : text).trim().replace(/^"(.*)"$/u, '$1').trim();
  return { label: label || text, url: match ? match[2]! : null };
}

// ------------------------------------------------------------------ rows

type Row = Record<string, string>;

/** Read one row of either dialect into what it states. Throws a RowProblem when the row cannot be a trial. */
function readRow(row: Row, dialect: CsvDialect): RawTrial {
  const t = emptyRawTrial();
  const nct = one(row['NCT Number']);
  const id = nct ? asRegistryId(nct) : null;
  if (!nct || !id || id.registry.key !== 'nct') {
    throw new RowProblem('NCT Number', 'the row has no NCT number', 'an NCT number (NCT followed by 8 digits)', nct === null ? 'an empty cell' : showFound(nct));
  }
  t.registryIds.push(id.id);
  const classic = dialect === 'classic';
  t.title = one(classic ? row['Title'] : row['Study Title']);
  if (!t.title) throw new RowProblem(classic ? 'Title' : 'Study Title', 'the row has no title', 'the brief title of the trial', 'an empty cell');
  t.acronym = one(row['Acronym']);
  t.status = one(classic ? row['Status'] : row['Study Status']);
  t.hasResults = results(one(row['Study Results']));
  t.conditions = list(row['Conditions']);
  t.interventions = list(row['Interventions']).map((line) => {
    const { type, name } = splitInterventionLine(line);
    return { type, name, description: null, otherNames: [] };
  });
  if (classic) {
    t.outcomes.unclassified = list(row['Outcome Measures']).map((measure) => ({ measure, timeFrame: null, description: null }));
    const [sponsor, ...collaborators] = list(row['Sponsor/Collaborators']);
    t.sponsor = sponsor ?? null;
    t.collaborators = collaborators;
    t.eligibility.sex = one(row['Gender']);
    t.funderTypes = list(row['Funded Bys']);
    splitDesign(row['Study Designs'], t);
  } else {
    t.summary = one(row['Brief Summary']);
    t.outcomes.primary = list(row['Primary Outcome Measures']).map(splitOutcome);
    t.outcomes.secondary = list(row['Secondary Outcome Measures']).map(splitOutcome);
    t.outcomes.other = list(row['Other Outcome Measures']).map(splitOutcome);
    t.sponsor = one(row['Sponsor']);
    t.collaborators = list(row['Collaborators']);
    t.eligibility.sex = one(row['Sex']);
    t.funderTypes = list(row['Funder Type']);
    splitDesign(row['Study Design'], t);
  }
  const age = splitAge(one(row['Age']));
  if (age.range) ageRange(t, age.range);
  t.eligibility.ageGroups = age.groups;
  t.phases = list(row['Phases']);
  const enrollment = one(row['Enrollment']);
  if (enrollment) t.enrollment = { count: enrollment, type: null };
  splitStudyType(row['Study Type'], t);
  const ids = splitIdentifiers(list(row['Other IDs']));
  t.registryIds.push(...ids.registryIds.filter((r) => r !== id.id));
  t.secondaryIds = ids.secondaryIds;
  t.dates = {
    start: date(row['Start Date']),
    primaryCompletion: date(row['Primary Completion Date']),
    completion: date(row['Completion Date']),
    firstPosted: date(row['First Posted']),
    lastUpdated: date(row['Last Update Posted']),
    resultsFirstPosted: date(row['Results First Posted']),
  };
  t.locations = list(row['Locations']).map(splitLocation);
  t.documents = list(row['Study Documents']).map(splitDocument);
  const url = one(classic ? row['URL'] : row['Study URL']);
  if (url && !new RegExp(`/${id.id}(?:[/?#]|$)`, 'iu').test(url)) {
    t.notes.push({
      code: 'url-mismatch',
      field: 'sources',
      severity: 'warning',
      message: `The row links to ${url}, which is not the registry page of ${id.id}.`,
    });
  }
  return t;
}

function results(cell: string | null): boolean | null {
  if (cell == null) return null;
  if (/^(has results|yes|true)$/iu.test(cell)) return true;
  if (/^(no results available|no|false)$/iu.test(cell)) return false;
  return null;
}

/** Age ranges in the words both dialects use; the shared range parser knows "N Years to N Years", "N Years and older", "up to N Years". */
function ageRange(t: RawTrial, range: string): void {
  const upTo = /^up\s+to\s+(.+)$/iu.exec(range);
  const to = /^(.+?)\s+to\s+(.+)$/iu.exec(range);
  const older = /^(.+?)\s+and\s+older$/iu.exec(range);
  if (upTo) t.eligibility.maxAge = upTo[1]!.trim();
  else if (to) {
    t.eligibility.minAge = to[1]!.trim();
    t.eligibility.maxAge = to[2]!.trim();
  } else if (older) t.eligibility.minAge = older[1]!.trim();
  else t.eligibility.minAge = range; // normalize flags what it cannot read as an age
}

/** Why a row is not a trial: the column, what was expected and what was found. */
class RowProblem extends Error {
  readonly column: string;
  readonly reason: string;
  readonly expected: string;
  readonly found: string;

  constructor(column: string, reason: string, expected: string, found: string) {
    super(reason);
    this.column = column;
    this.reason = reason;
    this.expected = expected;
    this.found = found;
  }
}

export function readCtgovCsv(file: SourceFile, dialect: CsvDialect): ReadResult {
  const failures: Unreadable[] = [];
  const trials: RawTrial[] = [];
  let header: string[] | null = null;
  const fail = (row: number, column: string | null, reason: string, expected: string | null, found: string | null) =>
    failures.push({ file: file.path, row, field: column, reason, expected, found });

  const onRecord = (cells: string[], context: { records: number }): null => {
    const rowNumber = context.records; // the header is row 1, as a spreadsheet counts
    if (header === null) {
      header = cells.map((c) => c.trim());
      return null;
    }
    if (cells.length === 1 && cells[0]!.trim() === '') return null; // a blank line
    if (cells.length !== header.length) {
      fail(rowNumber, null, `the row has ${cells.length} cells, but the header has ${header.length} columns`, `${header.length} cells`, `${cells.length} cells`);
      return null;
    }
    const row: Row = Object.fromEntries(header.map((h, i) => [h, cells[i]!]));
    try {
      const trial = readRow(row, dialect);
      trial.row = rowNumber;
      trials.push(trial);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      fail(rowNumber, error.column, error.reason, error.expected, error.found);
    }
    return null;
  };

  try {
    parse(file.content.replace(/^\uFEFF/u, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: onRecord as never,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // the parser stops at a broken quote: rows before it are read, the rest of the file is one failure
    // the parser has counted the records before the broken one (the header among them): that one is the next row
    const at = (error as CsvError & { records?: number }).records;
    fail((at ?? trials.length + failures.length + 1) + 1, null, `the CSV cannot be read from here on: ${error.message}`, 'well-formed CSV (quotes closed)', showFound(error.code));
  }
  return { format: dialect === 'classic' ? 'ctgov-csv-classic' : 'ctgov-csv', site: 'clinicaltrials.gov', trials, failures };
}
