/**
 * Which format is a record file? Decided from the content only, never the file name:
 * JSON is recognised by its first character and its shape; page copies by the marks each
 * site's layout leaves (its name, its section headings), scored so that one stray phrase
 * does not decide. Anything that scores too low goes to the generic reader.
 */
import type { Format } from '../schemas/trial.ts';
import { IngestError, showFound, type SourceFile } from './types.ts';
import { studiesOf } from './formats/ctgov-json.ts';
import { csvDialect, csvHeader, unknownColumns } from './formats/ctgov-csv.ts';

interface Mark {
  pattern: RegExp;
  weight: number;
}

const MARKS: Record<Exclude<Format, 'ctgov-json' | 'ctgov-csv' | 'ctgov-csv-classic' | 'generic'>, Mark[]> = {
  veeva: [
    { pattern: /^ClinicalTrials\.Veeva\s*$/mu, weight: 3 },
    { pattern: /Veeva Systems/u, weight: 2 },
    { pattern: /^Details and patient eligibility$/mu, weight: 2 },
    { pattern: /^Status and phase$/mu, weight: 1 },
    { pattern: /^Trial contacts and locations$/mu, weight: 1 },
    { pattern: /^\d[\d,]* participants? in \d+ patient groups?/mu, weight: 1 },
    { pattern: /^Funder types$/mu, weight: 1 },
  ],
  meddatax: [
    { pattern: /meddatax/iu, weight: 3 },
    { pattern: /^NCT ID:/mu, weight: 1 },
    { pattern: /^Basic Information$/mu, weight: 1 },
    { pattern: /^Recruitment Status$/mu, weight: 1 },
    { pattern: /^Clinical Phase$/mu, weight: 1 },
    { pattern: /^Study Classification$/mu, weight: 1 },
    { pattern: /^Sponsor Role (lead|collaborator)$/mu, weight: 2 },
    { pattern: /^More Related Trials$/mu, weight: 1 },
    // the results page
    { pattern: /^Trial Outcomes & Findings for .*\(NCT NCT\d{8}\)$/mu, weight: 3 },
    { pattern: /^Results posted on$/mu, weight: 1 },
  ],
  medpath: [
    { pattern: /^MedPath\s*$/mu, weight: 3 },
    { pattern: /Rights Reserved by MedPath/u, weight: 2 },
    { pattern: /^Recruitment & Eligibility$/mu, weight: 2 },
    { pattern: /^Arm &&? Interventions$/mu, weight: 2 },
    { pattern: /^Registration Number$/mu, weight: 1 },
    { pattern: /^Target Recruitment$/mu, weight: 1 },
    { pattern: /^Study & Design$/mu, weight: 1 },
  ],
  'ctgov-classic': [
    { pattern: /clincosm/iu, weight: 3 },
    { pattern: /^Condition or Disease\s*\|?\s*Intervention\/Treatment\s*\|?\s*Phase\s*\|?$/imu, weight: 3 },
    { pattern: /^(Actual|Estimated|Anticipated) Enrollment\s*:/mu, weight: 1 },
    { pattern: /^Last Update Posted\s*:/mu, weight: 1 },
    { pattern: /^CT\.gov ID$/mu, weight: 2 },
    { pattern: /^Ages Eligible for Study:/mu, weight: 2 },
    { pattern: /^Sexes Eligible for Study:/mu, weight: 1 },
    { pattern: /^ClinicalTrials\.gov Identifier:/mu, weight: 1 },
    { pattern: /^Other Study ID Numbers:/mu, weight: 1 },
    { pattern: /^Study Details$/mu, weight: 1 },
  ],
  ictrp: [
    { pattern: /WHO Trial Registration Data Set/u, weight: 3 },
    { pattern: /International Clinical Trials Registry Platform/u, weight: 3 },
    { pattern: /^Main ID:/mu, weight: 2 },
    { pattern: /^Register:\s*\S/mu, weight: 1 },
    { pattern: /^Last refreshed on:/mu, weight: 1 },
    { pattern: /^Public title:/mu, weight: 1 },
    { pattern: /^Date of registration:/mu, weight: 1 },
    { pattern: /^Primary sponsor:/mu, weight: 1 },
    { pattern: /^Target sample size:/mu, weight: 1 },
    { pattern: /^Health Condition\(s\) or Problem\(s\) studied$/imu, weight: 1 },
    { pattern: /^Source\(s\) of Monetary Support$/imu, weight: 1 },
  ],
};

const THRESHOLD = 3;

export interface Detection {
  format: Format;
  /** the parsed document, for JSON */
  json?: unknown;
  /** how each layout scored, for the curator command */
  scores: Partial<Record<Format, number>>;
}

/** Refuse what is not a text record at all: empty files and binary data. */
export function assertText(file: SourceFile): void {
  if (file.content.trim() === '') {
    throw new IngestError(file.path, 'the file is empty', {
      expected: 'a trial record (a copied trial page or ClinicalTrials.gov JSON)',
      found: file.content.length === 0 ? 'zero bytes' : `${file.content.length} bytes of white space`,
    });
  }
  const sample = file.content.slice(0, 8192);
  const control = sample.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/gu)?.length ?? 0;
  if (sample.includes('\u0000') || control / sample.length > 0.02) {
    throw new IngestError(file.path, 'the file is not text (binary data or a wrong encoding)', {
      expected: 'UTF-8 text: a copied trial page or ClinicalTrials.gov JSON',
      found: `${control} control or undecodable characters in the first ${sample.length} characters`,
    });
  }
}

export function detectFormat(file: SourceFile): Detection {
  assertText(file);
  const content = file.content.replace(/^\uFEFF/u, '');
  const first = content.trimStart()[0];
  if (first === '{' || first === '[') {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (error) {
      throw new IngestError(file.path, 'the file looks like JSON but cannot be parsed (truncated or damaged?)', {
        expected: 'a complete ClinicalTrials.gov API v2 JSON document',
        found: (error as Error).message,
      });
    }
    if (!studiesOf(json)) {
      throw new IngestError(file.path, 'the JSON is not in a format the catalogue reads', {
        field: 'protocolSection',
        expected: 'ClinicalTrials.gov API v2 JSON: a study with "protocolSection", an array of studies, or {"studies": [...]}',
        found: showFound(json),
      });
    }
    return { format: 'ctgov-json', json, scores: { 'ctgov-json': Infinity } };
  }
  // a CSV download: its header row names "NCT Number" and the columns of one dialect
  const header = csvHeader(content);
  if (header && header.includes('NCT Number')) {
    const dialect = csvDialect(header);
    if (!dialect) {
      const unknown = unknownColumns(header);
      throw new IngestError(file.path, 'the CSV header is not a ClinicalTrials.gov download the catalogue reads', {
        field: 'header row',
        expected: 'the columns of the classic download (Rank, NCT Number, Title, …) or of today’s download (NCT Number, Study Title, …), not mixed',
        found: unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}` : `columns of both dialects: ${showFound(header.join(', '))}`,
      });
    }
    const format = dialect === 'classic' ? 'ctgov-csv-classic' : 'ctgov-csv';
    return { format, scores: { [format]: Infinity } };
  }
  const scores: Partial<Record<Format, number>> = {};
  // a copy that kept the page's list bullets ("- Registration Number") leaves the same marks
  const unbulleted = content.replace(/^[ \t]*(?:[-*•]|\d+\.)[ \t]+/gmu, '').replace(/^#{1,6}\s+/gmu, '');
  for (const [format, marks] of Object.entries(MARKS) as [Format, Mark[]][]) {
    scores[format] = marks.reduce((sum, mark) => sum + (mark.pattern.test(unbulleted) ? mark.weight : 0), 0);
  }
  const ranked = (Object.entries(scores) as [Format, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best && best[1] >= THRESHOLD && (!second || best[1] > second[1])) return { format: best[0], scores };
  return { format: 'generic', scores };
}
