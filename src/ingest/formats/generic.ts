/**
 * The reader for layouts the catalogue has no dedicated reader for. It reads labelled fields
 * only (see labelled.ts for every shape a label takes in a copy), with the labels registries and
 * aggregators use for the same field (ANZCTR, CTRI, jRCT, UMIN, EU CTR, ISRCTN, hpscreg,
 * trials.co, COVID trial trackers, Markdown exports…). A few sites leave marks that tell which
 * site the copy comes from; their profile adds what only that site needs (ANZCTR's database
 * codes, day-first dates). Whatever it cannot read stays null and the trial says so: every trial
 * it reads is flagged `generic-reader`, a title taken from an unlabelled heading `unlabelled-title`,
 * an unlabelled id `unlabelled-id`.
 */
import { IngestError, emptyRawTrial, type RawTrial, type ReadResult, type SourceFile } from '../types.ts';
import { clean, dedupe, listItems, paragraphs, stripMarker } from '../text.ts';
import { asRegistryId, findRegistryIds, stripIdAnnotation } from '../../domain/registries.ts';
import { ALLOCATION, INTERVENTION_MODEL, MASKING, PRIMARY_PURPOSE, SEX, STATUS, STUDY_TYPE, ambiguity } from '../../domain/vocabulary.ts';
import { parseDate, parsePhases, termOf } from '../normalize.ts';
import {
  ageWords,
  applyAgeRange,
  designParts,
  enrollmentType,
  isoDayFirst,
  parseAgeRange,
  phasesAnswered,
  splitInterventionLine,
  yesNo,
} from './common.ts';
import { COMMON_NOISE, createEngine, firstRun, type Block, type LabelRule, type LabelledPage } from './labelled.ts';

export type Field =
  | 'title'
  | 'officialTitle'
  | 'acronym'
  | 'registryId'
  | 'secondaryId'
  | 'status'
  | 'recruitmentStatus'
  | 'phase'
  | 'enrollment'
  | 'actualEnrollment'
  | 'studyType'
  | 'conditions'
  | 'keywords'
  | 'interventions'
  | 'sponsor'
  | 'collaborators'
  | 'summary'
  | 'description'
  | 'start'
  | 'primaryCompletion'
  | 'completion'
  | 'firstPosted'
  | 'lastUpdated'
  | 'sex'
  | 'ages'
  | 'minAge'
  | 'maxAge'
  | 'healthyVolunteers'
  | 'inclusion'
  | 'exclusion'
  | 'countries'
  | 'design'
  | 'allocation'
  | 'masking'
  | 'interventionModel'
  | 'primaryPurpose'
  | 'primaryOutcomes'
  | 'secondaryOutcomes'
  | 'hasResults'
  | 'timeFrame'
  | 'designAnswer'
  | 'retrieved'
  | 'other';

// ---- value shapes, for labels that lost their separator ("Target sample size5")
const isStatus = (v: string) => termOf(STATUS, v) !== null || ambiguity('status', v) !== null;
const isPhase = (v: string) => !parsePhases(v).unknown || /^[0-4](\s*[/,-]\s*[0-4])?$/u.test(v) || ambiguity('phases', v) !== null;
const isCount = (v: string) => /^\d/u.test(v);
const isDate = (v: string) => parseDate(isoDayFirst(v.split(/\s+\(/u)[0]!.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/u, ''), false)) !== null || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/u.test(v);
const isAge = (v: string) => /^(>=|<=|≥|≤|>|<)?\s*\d|^(not applicable|no limit|none|n\/a)/iu.test(v);
const isSex = (v: string) => termOf(SEX, v) !== null;
const isStudyType = (v: string) => termOf(STUDY_TYPE, v.replace(/\s*\(.*\)$/u, '')) !== null;

type Rule = LabelRule<Field>;
const r = (pattern: RegExp, field: Field, kind: Rule['kind'], extra: Partial<Rule> = {}): Rule => ({ pattern, field, kind, ...extra });

/** Label patterns, matched against the whole label (case-insensitive). Order matters: the first match wins. */
export const RULES: readonly Rule[] = [
  // blocks about other trials end the reading: their labels describe those trials
  r(/^(related|similar|other|more|recommended|more related) (trials|studies|clinical trials)( .*)?$/iu, 'other', 'related'),
  r(/^(people also viewed|you may also be interested in|trials like this)$/iu, 'other', 'related'),

  r(/^(scientific|official|full) title( of (the )?(study|trial))?$|^scientific title of study$|^full title of the trial$/iu, 'officialTitle', 'scalar'),
  r(/^public title$|^public title of study$|^title of the trial for lay people, in easily understood, i\.e\. non-technical, language$/iu, 'title', 'scalar'),
  r(/^(brief |study |trial )?title( of (the )?(study|trial))?$/iu, 'title', 'scalar'),
  r(/^(trial )?acronym$|^scientific title:acronym$|^name or abbreviated title of the trial( where available)?$/iu, 'acronym', 'scalar'),

  r(/^(secondary (ids?|identifiers?|id\(s\))|other (study )?ids?( numbers?)?|other study identifiers|protocol (number|no\.?|id)|org(anization)?('s)? study id|sponsor('s)? protocol (code )?(number|id)|secondary ids if any|universal trial number( \(utn\))?|utn)$/iu, 'secondaryId', 'list', { repeat: true }),
  r(/^(nct (number|id)|clinicaltrials\.gov (id|identifier)|ct\.gov id|(primary )?regist(ration|ry) (number|no\.?|id)|main id|trial (id|registration( number)?)|isrctn|eudract( number)?|euct number|irct( registration number)?|chictr( registration number)?|ctri number|jrct id|unique id issued by umin|(trial )?identifier)$/iu, 'registryId', 'list', { repeat: true, strong: true, shape: (v) => findRegistryIds(v).length > 0, spellings: ['NCT number', 'JRCT ID', 'CTRI Number', 'Registration number', 'Main ID', 'EudraCT Number', 'Unique ID issued by UMIN', 'Trial ID'] }),

  r(/^(overall (study |trial )?status|(trial|study) status|status)$/iu, 'status', 'scalar', { strong: true, shape: isStatus, spellings: ['Overall study status', 'Trial Status', 'Status'] }),
  r(/^(recruitment status( of trial)?( \((global|india)\))?)$/iu, 'recruitmentStatus', 'scalar', { repeat: true, strong: true, shape: isStatus, spellings: ['Recruitment status', 'Recruitment Status of Trial (India)', 'Recruitment Status of Trial (Global)'] }),
  r(/^((study|trial|clinical|clinical trials?) )?phase( of trial)?$|^developmental phase$|^trial phase$/iu, 'phase', 'scalar', { strong: true, shape: isPhase, spellings: ['Clinical trials phase', 'Study phase', 'Phase of Trial', 'Developmental phase', 'Phase'] }),
  r(/^(total final enrol?ment|actual (enrol?ment|sample size)|number of participants enrolled)$/iu, 'actualEnrollment', 'scalar', { strong: true, shape: isCount }),
  r(/^((target|estimated|anticipated|planned) )?(enrol?lment|sample size|target size|recruitment target|number of (participants|subjects|patients)|target number of participants|total sample size)$|^target sample size$|^target enrollment$|^target recruitment$|^in the whole clinical trial$/iu, 'enrollment', 'scalar', { strong: true, shape: isCount, spellings: ['Target sample size', 'Target enrollment', 'Target Recruitment', 'Sample size', 'Enrollment', 'Enrolment'] }),
  r(/^(study type|type of study|type of trial|study design type|study type\(s\))$/iu, 'studyType', 'scalar', { strong: true, shape: isStudyType, spellings: ['Study type', 'Type of Trial'] }),
  r(/^(conditions?|health conditions?\(?s?\)?( or problems?\(?s?\)?( studied)?)?|diseases?( or conditions?)?|indications?|disease or condition|medical condition\(s\) being investigated|condition\(s\) or disease\(s\))$/iu, 'conditions', 'list', { strong: true, spellings: ['Health condition(s) or Problem(s) studied', 'Conditions', 'Condition'] }),
  r(/^(keywords?|key words)$/iu, 'keywords', 'list'),
  r(/^(interventions?|treatments?|intervention\(s\)|intervention\/exposure|description of intervention\(s\) \/ exposure|interventions\/control(_\d+)?)$/iu, 'interventions', 'list', { strong: true, spellings: ['Intervention(s)', 'Interventions'] }),
  r(/^((lead|primary|main) )?sponsor( name)?$|^sponsors?$|^sponsored by$|^name of sponsor$/iu, 'sponsor', 'scalar', { strong: true, spellings: ['Sponsors', 'Sponsor', 'Lead sponsor', 'Primary sponsor'] }),
  r(/^(collaborators?|secondary sponsors?|secondary sponsor\(s\))$/iu, 'collaborators', 'list'),
  r(/^(brief summary|summary|lay summary|plain (english|language) summary( of protocol)?|abstract|about this trial|trial description)$/iu, 'summary', 'text'),
  r(/^(detailed description|description|study description|full description)$/iu, 'description', 'text'),

  r(/^((actual|anticipated|estimated) )?(study )?(start date|date of first (enrol?ment|enrollment|participant enrolment)|overall (trial )?start date)( \((actual|anticipated|estimated)\))?$|^(anticipated|actual) date of first participant enrolment$|^date of first enrollment( \(india\))?$/iu, 'start', 'scalar', { strong: true, shape: isDate, spellings: ['Start date (estimated)', 'Start date (actual)', 'Start date', 'Study start date', 'Date of first enrollment', 'Date of first enrolment', 'Anticipated date of first participant enrolment'] }),
  r(/^((actual|anticipated|estimated) )?primary completion( date)?$/iu, 'primaryCompletion', 'scalar', { strong: true, shape: isDate }),
  r(/^((actual|anticipated|estimated) )?(study )?(completion date|end date|overall (trial )?end date)( \((actual|anticipated|estimated)\))?$|^(anticipated |actual )?date of last data collection$/iu, 'completion', 'scalar', { strong: true, shape: isDate, spellings: ['End date (estimated)', 'End date (actual)', 'End date', 'Completion date', 'Study completion date'] }),
  r(/^(first posted|date registered|registration date|first registered|date of registration|registered date|registered on|date of registration in primary registry|date on which this record was first entered in the eudract database|date of disclosure of the study information)$/iu, 'firstPosted', 'scalar', { strong: true, shape: isDate, spellings: ['Registered date', 'Date registered', 'Date of registration', 'Registration date', 'First posted'] }),
  r(/^(last updated?|last update posted|last modified( on)?|date last updated|last edited)$/iu, 'lastUpdated', 'scalar', { strong: true, shape: isDate, spellings: ['Last modified on', 'Last updated', 'Date last updated', 'Last update posted'] }),

  r(/^(sex|gender|sexes eligible( for study)?|eligible sex)$/iu, 'sex', 'scalar', { strong: true, shape: isSex, spellings: ['Gender', 'Sex'] }),
  r(/^(ages?|age range|ages eligible( for study)?|eligible ages?|age group|age limits?)$/iu, 'ages', 'scalar'),
  r(/^(min(imum)? age|age min(imum)?|inclusion age min(imum)?|lower age limit|age from|minimum eligible age)$/iu, 'minAge', 'scalar', { strong: true, shape: isAge, spellings: ['Age minimum', 'Age From', 'Minimum age'] }),
  r(/^(max(imum)? age|age max(imum)?|inclusion age max(imum)?|upper age limit|age to|maximum eligible age)$/iu, 'maxAge', 'scalar', { strong: true, shape: isAge, spellings: ['Age maximum', 'Age To', 'Maximum age'] }),
  r(/^(healthy volunteers|accepts healthy volunteers|can healthy volunteers participate\??)$/iu, 'healthyVolunteers', 'scalar'),
  r(/^((key|participant|principal) )?inclusion criteria$|^include criteria$/iu, 'inclusion', 'list', { strong: true, spellings: ['Include criteria', 'Inclusion criteria'] }),
  r(/^((key|participant|principal) )?exclusion criteria$|^exclude criteria$/iu, 'exclusion', 'list', { strong: true, spellings: ['Exclude criteria', 'Exclusion criteria'] }),
  r(/^(countries|countries of recruitment|countries of recruitment and sites|region|recruitment countr(y|ies)|country of recruitment|member state concerned)$/iu, 'countries', 'list', { strong: true, spellings: ['Countries of recruitment', 'Countries of Recruitment'] }),

  r(/^(study design|trial design|study designs?|design)$/iu, 'design', 'scalar'),
  // EU CTR answers design questions with yes / no ("E.8.1.1 Randomised: Yes")
  r(/^(randomised|randomized|open|single blind|double blind|parallel group|cross over|controlled)$/iu, 'designAnswer', 'scalar', { repeat: true }),
  r(/^(allocation|allocation to intervention|randomi[sz]ation)$/iu, 'allocation', 'scalar'),
  r(/^(masking|blinding|masking \/ blinding|blinding\/masking)$/iu, 'masking', 'scalar'),
  r(/^(intervention model|study model|assignment|intervention assignment|basic design)$/iu, 'interventionModel', 'scalar'),
  r(/^(primary purpose|purpose|purpose of the study|purpose of intervention)$/iu, 'primaryPurpose', 'scalar'),
  r(/^(timepoints?|time ?frame|timepoint\(s\) of evaluation of this end ?point)$/iu, 'timeFrame', 'scalar', { repeat: true }),
  r(/^(primary outcomes?|primary outcome\(s\)|primary outcome measures?|primary end ?points?)( \[\d+\])?$/iu, 'primaryOutcomes', 'list', { repeat: true, strong: true, spellings: ['Primary Outcome', 'Primary outcome(s)', 'Primary outcomes'] }),
  r(/^(secondary outcomes?|secondary outcome\(s\)|secondary outcome measures?|secondary end ?points?|key secondary outcomes)( \[\d+\])?$/iu, 'secondaryOutcomes', 'list', { repeat: true, strong: true, spellings: ['Secondary Outcome', 'Secondary outcome(s)', 'Secondary outcomes'] }),
  r(/^(results available|study results|trial results)$/iu, 'hasResults', 'scalar', { strong: true, shape: (v) => /^(view results|yes|no)$/iu.test(v), spellings: ['Trial results', 'Results available'] }),

  // labels of what the catalogue does not read: their values are consumed, not mistaken for another field's
  r(/^(ethics( application)? status|ethics approval\(s\)?|ethics review|date submitted|type of registration|linked study record|condition category|condition code|intervention code|comparator \/ control treatment|control group|timepoint|type of endpoint|statistical methods|phase of the study|data sharing statement|date results provided|date data sharing statement initially provided|prospective registration|register|url|icTRP weblink|source weblink|link|label|name|email|public email|phone|fax|first name|last name|city|address|address freetext|affiliation|telephone|designation|regulatory body approval|national competent authority|clinical trial type|post graduate thesis|type of study|source of monetary or material support|source\(s\) of monetary support|funding source|funder type|funders?|primary sponsor details|responsible party|investigators?|contact|contacts|approval date|date posted|date completed|prospectively registered|retrospectively registered|classification by specialty|classification by malignancy|genomic information|basic objectives\d?|basic objectives -others|trial characteristics_\d|randomization unit|stratification|dynamic allocation|institution consideration|blocking|concealment|no\. of arms|type of intervention|which differentiated cell type is used|publications|study sites|public contact|country|receipt number|last refreshed on|narrative objectives\d?|method of generating random sequence|method of concealment|estimated duration of trial|publication details|brief summary of results|details|trial website|trial related presentations \/ publications|public notes|attachments|other design features|procedure for enrolling a subject and allocating the treatment \(allocation concealment procedures\)|methods used to generate the sequence in which subjects will be randomised \(sequence generation\)|who is \/ are masked \/ blinded\??|type of endpoint\/?s|accrual to date|recruitment in australia|recruitment outside australia|recruitment state\(s\)|recruitment hospital|recruitment postcode\(s\)|funding source category|primary sponsor type|secondary sponsor category|other collaborator category|ethics committee name|ethics committee address|ethics committee country|date submitted for ethics approval|ethics approval number|principal investigator|name of lead principal investigator|research contact person|contact person for (public|scientific) queries|contact person responsible for updating information|date of last participant enrolment|key inclusion & exclusion criteria|state\/province|ethics committee)$/iu, 'other', 'skip'),
  // headings that only group labels
  r(/^(titles & ids|health condition|intervention\/exposure|outcomes?|eligibility( criteria)?|recruitment|funding & sponsors|ethics approval|summary|general information|administrative information|basic information|base|objectives|assessment|progress|key inclusion & exclusion criteria|outcome\(s\)|study information|participant information|locations|sponsor information|results and publications|protocol information|trial details|full info|arms|study design|cells)$/iu, 'other', 'section'),
];

interface Profile {
  site: string;
  marks: RegExp[];
  /** the site writes dates day first (23/06/2021) */
  dayFirst?: boolean;
  noise?: RegExp[];
  /** strip database codes the site prints after labels and values ("Arthritis 302602 0") */
  codes?: boolean;
  /** rewrites the copy (noise lines already removed) where the site splits one field over sub-labels */
  rewrite?: (content: string) => string;
}

/** Sites the generic reader recognises by the marks their pages leave; the profile adds what only that site needs. */
export const PROFILES: readonly Profile[] = [
  {
    site: 'anzctr.org.au',
    marks: [/Trial registered on ANZCTR|ANZCTR|ACTRN\d{14}/u],
    dayFirst: true,
    codes: true,
    noise: [/^(LOGIN|CREATE ACCOUNT|MY TRIALS|REGISTER TRIAL|FAQs|HINTS AND TIPS|DEFINITIONS|Trial Review|Download to PDF)$/u],
    // ANZCTR states a date, a sample size or the sponsor through sub-labels on the lines below
    rewrite: (content) =>
      anzctrDates(content.replace(/^(?:\d{4,7}\n){1,2}(?:0\n){1,2}/gmu, ''))
        .replace(/^(Minimum age|Maximum age)\n(\d+(?:\.\d+)?)\n(Years|Months|Weeks|Days|Hours)\n/gmu, '$1: $2 $3\n')
        .replace(/^Sample size\nTarget\n(\d[\d,]*)\n/gmu, 'Target sample size: $1\n')
        .replace(/^Final\n(\d[\d,]*)\n/gmu, 'Actual sample size: $1\n')
        .replace(/^Primary sponsor type\n(.+)\nName\n(.+)\n/gmu, 'Primary sponsor type\n$1\nPrimary sponsor: $2\n'),
  },
  {
    site: 'ctri.nic.in',
    marks: [/^CTRI Number\b/mu, /FULL DETAILS \(Read-only\)/u],
    dayFirst: true,
    noise: [/^FULL DETAILS \(Read-only\)/u],
    rewrite: ctriFields,
  },
  { site: 'rctportal.niph.go.jp', marks: [/NIPH Clinical Trials Search|^JRCT ID:/mu], dayFirst: true, noise: [/^(NIPH Clinical Trials Search|JAPANESE|国立保健医療科学院)$/u] },
  {
    site: 'upload.umin.ac.jp',
    marks: [/^UMIN-(CTR|ICDS) Clinical Trial$|Unique ID issued by UMIN/mu],
    noise: [/^\* (This page includes information|We don't aim to advertise)/u, /^UMIN-(CTR|ICDS) Clinical Trial$/u],
    // UMIN: "Age-lower limit" / 20 / "years-old" / "<="; "Sponsor or person" / "Institute" / name
    rewrite: (content) =>
      content
        // only an inclusive bound ("20 <= age", "80 >= age") is the contract's age; an exclusive one is left unread
        .replace(/^Age-(lower|upper) limit\n+(\d+(?:\.\d+)?)\n+(years|months|weeks|days)-old\n+(<=|>=)\n/gmu, (_m, which: string, n: string, unit: string) => `${which === 'lower' ? 'Age minimum' : 'Age maximum'}: ${n} ${unit}\n`)
        .replace(/^Sponsor or person\n+Institute\n+(.+)\n/gmu, 'Primary sponsor: $1\n'),
  },
  { site: 'clinicaltrialsregister.eu', marks: [/EU Clinical Trials Register/u, /EudraCT Number:/u], noise: [/^Flag of the European Union/u, /^(Clinical trials|Help|Print|Download|Index|< Back to search results|Examples: .*|How to search \[pdf\]|Advanced Search: .*|Search Tips: .*)$/u] },
  {
    site: 'hpscreg.eu',
    marks: [/^ICTRP weblink\b/mu, /^Which differentiated cell type is used$/mu],
    // hpscreg prints "Label value" pairs and names the condition and the cells by ontology terms
    // ("Clinical feature" / "Label meniscus" / "Link …" / "Description …"): the term's label is the condition
    rewrite: (content) =>
      content
        .replace(/^Clinical feature\nLabel (.+)\n(?:Link .*\n)?(?:Description .*\n)?/gmu, 'Condition: $1\n')
        .replace(/^Which differentiated cell type is used\n(?:Label .*\n)?(?:Link .*\n)?(?:Description .*\n)?/gmu, '')
        .replace(/^Other study identifiers\nName (.+)\n(?:Description .*\n)?/gmu, 'Other study identifiers: $1\n')
        .replace(/^(Summary|Description) (?=\S)/gmu, '$1: '),
  },
  {
    site: 'trials.co',
    marks: [/^Back to results$/mu, /^Sponsored by$/mu, /^About this trial$/mu],
    // "6 Months - 70 Years (Child, Adult, Older Adult)All SexesDoes not accept healthy volunteers": three fields glued
    rewrite: (content) =>
      content.replace(
        /^(\d[^(\n]*?)\s*(?:\([^)\n]*\))?\s*(All Sexes|Female|Male|Females|Males)\s*((?:Accepts|Does not accept) healthy volunteers)\s*$/gmu,
        'Ages: $1\nSex: $2\nHealthy volunteers: $3',
      ),
  },
  { site: 'covid19.reaganudall.org', marks: [/reaganudall/iu] },
  { site: 'www.strokecenter.org', marks: [/strokecenter|Internet Stroke Center/iu] },
  { site: 'www.isrctn.com', marks: [/^ISRCTN\s*(ISRCTN)?\d{8}$/mu, /Plain English summary of protocol/u] },
];

/**
 * ANZCTR gives a date as "Date of first participant enrolment" / "Anticipated" / date / "Actual" /
 * date: each stated date becomes its own labelled line ("Actual date of first participant
 * enrolment: 3/02/2010"), the actual one first so that it is the one read.
 */
function anzctrDates(content: string): string {
  const lines = content.split('\n');
  const out: string[] = [];
  const isDateLine = (l: string | undefined) => l !== undefined && /^\d{1,2}\/\d{1,2}\/\d{4}$/u.test(l.trim());
  for (let i = 0; i < lines.length; i += 1) {
    const label = lines[i]!;
    if (!/^(Date of first participant enrolment|Date of last participant enrolment|Date of last data collection)$/u.test(label)) {
      out.push(label);
      continue;
    }
    const stated: string[] = [];
    let j = i + 1;
    while (lines[j] === 'Anticipated' || lines[j] === 'Actual') {
      const kind = lines[j]!;
      if (isDateLine(lines[j + 1])) {
        stated.push(`${kind} ${label.toLowerCase()}: ${lines[j + 1]!.trim()}`);
        j += 2;
      } else j += 1;
    }
    out.push(...stated.sort((a, b) => (a.startsWith('Actual') ? -1 : 0) - (b.startsWith('Actual') ? -1 : 0)));
    i = j - 1;
  }
  return out.join('\n');
}

/**
 * CTRI states some fields inside others: the registration date in brackets after the number, the
 * sponsor's name on a "Name" line under "Primary Sponsor", the condition in a small table, the
 * criteria on a "Details" line under "Inclusion Criteria" / "Exclusion Criteria".
 */
function ctriFields(content: string): string {
  const out: string[] = [];
  let section: 'sponsor' | 'inclusion' | 'exclusion' | 'condition' | null = null;
  for (const raw of content.split('\n')) {
    const line = raw.trimEnd();
    const number = /^CTRI Number\s+(\S+)\s*\[Registered on:\s*([\d/]+)\]/u.exec(line);
    if (number) {
      out.push(`CTRI Number: ${number[1]}`, `Registered on: ${number[2]}`);
      continue;
    }
    if (/^Primary Sponsor\s*$/u.test(line)) section = 'sponsor';
    else if (/^Inclusion Criteria\s*$/u.test(line)) section = 'inclusion';
    else if (/^Exclusion Criteria\s*$/u.test(line)) section = 'exclusion';
    else if (/^Health Condition \/ Problems Studied\s*$/u.test(line)) section = 'condition';
    const sponsor = section === 'sponsor' ? /^Name\s{2,}(.+)$/u.exec(line) : null;
    const details = section === 'inclusion' || section === 'exclusion' ? /^Details\s{2,}(.+)$/u.exec(line) : null;
    const condition = section === 'condition' ? /^(?:Patients|Healthy Human Volunteers)\s{2,}(.+)$/u.exec(line) : null;
    if (sponsor) out.push(`Primary sponsor: ${sponsor[1]!.trim()}`);
    else if (details) out.push(`${section === 'inclusion' ? 'Inclusion' : 'Exclusion'} criteria: ${details[1]!.trim()}`);
    else if (condition) out.push(`Condition: ${condition[1]!.trim()}`);
    else if (!(section === 'condition' && /^Health Type\s{2,}Condition\s*$/u.test(line))) out.push(raw);
    if (sponsor || details || condition) section = null;
  }
  return out.join('\n');
}

function profileOf(content: string): Profile | null {
  return PROFILES.find((p) => p.marks.some((m) => m.test(content))) ?? null;
}

/** ANZCTR prints database codes after labels and values: "Secondary ID [1] 291513 0", "Arthritis 302602 0". */
const CODES = /(?:\s+\d{3,7}){1,2}(?:\s+0){1,2}$/u;

/** Lines of site chrome that are never a title. */
const CHROME = /^(search|menu|home|back( to (results|search))?|main|login|sign in|register|print|download|share|trial review|clinical trials?|skip navigation links|world health organization site|japanese|english|help|flag of the european union.*|eu clinical trials register|clinicaltrials\.veeva|medpath|meddatax|back to results|full details.*|nipH clinical trials search|umin-(ctr|icds) clinical trial|trial registered on anzctr|the safety and scientific validity of this study.*)$/iu;

function engineFor(profile: Profile | null) {
  return createEngine<Field>({
    rules: RULES,
    noise: profile?.noise ?? [],
    cleanLabel: (label) => (profile?.codes ? label.replace(/\s*\[\d+\]/gu, '').replace(CODES, '') : label.replace(/\s*\[\d+\]$/u, '')),
    cleanValue: (value) => (profile?.codes ? value.replace(CODES, '') : value),
    // a line that is nothing but a status ("Unknown status") is a field of its own, not more description
    endsText: (line) => line.length < 40 && termOf(STATUS, line) !== null,
  });
}

export function readGeneric(file: SourceFile): ReadResult {
  const profile = profileOf(file.content);
  const noise = [...COMMON_NOISE, ...(profile?.noise ?? [])];
  const content = profile?.rewrite
    ? profile.rewrite(
        file.content
          .replace(/\r\n?/gu, '\n')
          .split('\n')
          .filter((l) => !noise.some((n) => n.test(l.trim())))
          .map((l) => l.trim())
          .join('\n'),
      )
    : file.content;
  const page = engineFor(profile).read(content);
  const trial = fromLabelled(page, file, { dayFirst: profile?.dayFirst ?? false });
  trial.notes.push({
    code: 'generic-reader',
    field: null,
    severity: 'warning',
    message:
      'This record is in a layout the catalogue has no dedicated reader for. Only clearly labelled fields were read; anything else the page states is missing here — check the source.',
  });
  return { format: 'generic', site: profile?.site ?? null, trials: [trial], ignored: page.ignored };
}

export interface FromLabelledOptions {
  dayFirst: boolean;
  /** the reader's name for the "no title" error */
  layout?: string;
}

/** A page's labelled fields → what the record states. Shared with the ICTRP reader. */
export function fromLabelled(page: LabelledPage<Field>, file: SourceFile, options: FromLabelledOptions): RawTrial {
  const trial: RawTrial = emptyRawTrial();
  const notes = trial.notes;
  const all = (field: Field) => page.blocks.filter((b) => b.field === field);
  const block = (field: Field): Block<Field> | undefined => all(field)[0];
  const scalar = (field: Field): string | null => block(field)?.lines.find((l) => l !== '')?.trim() || null;
  const text = (field: Field): string | null => paragraphs(block(field)?.lines ?? []);
  // items one a line, or separated by ";" (each piece an item of its own, whatever its case)
  const items = (lines: readonly string[]) =>
    (lines.some((l) => /;\s*\S/u.test(l)) ? dedupe(lines.flatMap((l) => l.split(/\s*;\s*/u)).map((p) => stripMarker(p).text).filter(Boolean)) : listItems(lines)).filter(
      (i) => !/^(nil|none|n\/a|na|-|not applicable|no)$/iu.test(i),
    );
  // a list whose first value sits on the label's line ("Countries of Recruitment  India") ends there
  const list = (field: Field): string[] => {
    const b = block(field);
    return items(b?.inline ? b.lines.slice(0, 1) : firstRun(b?.lines ?? []));
  };
  const date = (field: Field) => {
    const value = scalar(field);
    if (!value) return null;
    const words = `${block(field)!.label} ${value}`;
    const type = /\bactual\b/iu.test(words) ? 'ACTUAL' : /\b(anticipated|estimated|expected|planned)\b/iu.test(words) ? 'ESTIMATED' : null;
    const bare = value
      .replace(/\s*\((actual|anticipated|estimated|expected)\)\s*$/iu, '')
      .replace(/^\[?registered on:?\s*/iu, '')
      .replace(/\].*$/u, '')
      .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/u, '');
    return { text: isoDayFirst(bare, options.dayFirst), type };
  };
  for (const field of page.doubled) {
    notes.push({ code: 'duplicated-text', field: contractField(field), severity: 'info', message: 'The record printed this value twice in a row; it is kept once.' });
  }

  // ---- title
  trial.title = scalar('title') ?? scalar('officialTitle');
  let declined: string | null = null;
  if (!trial.title && !options.layout) {
    // a Markdown heading says "title"; another heading-like line is taken only when the page also
    // names a registry id (a file with a recognisable title and registry id is always read)
    const heading = page.free.find((f) => f.heading === 1) ?? page.free.find((f) => f.heading !== null && headingLike(f.text));
    let line = heading ?? page.free.find((f) => headingLike(f.text));
    const hasId = all('registryId').length > 0 || all('secondaryId').some((b) => b.lines.some((l) => findRegistryIds(l).length > 0)) || findRegistryIds((page.relatedAt >= 0 ? page.lines.slice(0, page.relatedAt) : page.lines).join('\n')).length === 1;
    // without an id, a trial page still shows itself by its labelled trial fields, and its title by its length
    const trialFields = new Set(page.blocks.map((b) => b.field).filter((f) => TRIAL_FIELDS.has(f))).size;
    const titleLength = line !== undefined && line.text.split(/\s+/u).length >= 5 && line.text.length >= 30;
    if (line && !heading && !hasId && !(trialFields >= 3 && titleLength)) {
      declined = line.text;
      line = undefined;
    }
    if (line) {
      trial.title = line.text;
      notes.push({
        code: 'unlabelled-title',
        field: 'title',
        severity: 'info',
        message: `No label names the title; it is taken from the page's first heading-like line, "${line.text}".`,
      });
    }
  }
  if (!trial.title && options.layout) {
    throw new IngestError(file.path, `no title could be read from this ${options.layout} page`, {
      field: 'title',
      expected: 'the trial\'s title after "Public title:" (or "Scientific title:")',
      found: 'no such label',
    });
  }
  if (!trial.title) {
    throw new IngestError(file.path, `the layout of this file is not one the catalogue knows, and no title could be read from it`, {
      field: 'title',
      expected:
        'a labelled title ("Title:", "Public title:", "Brief title:", "Scientific title:"), a heading such as "# Title", or a known layout (ClinicalTrials.Veeva, meddatax, MedPath, ClinicalTrials.gov classic, WHO ICTRP or API v2 JSON)',
      found: declined
        ? `no such label or heading; the first heading-like line, ${JSON.stringify(declined.slice(0, 80))}, is not taken as the title because the page names no registry id either (and it is too short to be a trial's title)`
        : `no such label or heading; the file starts with ${JSON.stringify(page.lines.find((l) => l !== '')?.slice(0, 80) ?? '')}`,
    });
  }
  trial.officialTitle = scalar('title') ? scalar('officialTitle') : null;
  trial.acronym = scalar('acronym');

  // ---- ids: this trial's only; a related-trials block ended the reading before its ids
  for (const b of all('registryId')) {
    for (const value of (b.inline ? b.lines.slice(0, 1) : firstRun(b.lines)).filter(Boolean)) {
      const ids = findRegistryIds(value);
      if (ids.length > 0) trial.registryIds.push(...ids.map((i) => i.id));
      else if (/\d/u.test(value) && !/^(identifier|registry)$/iu.test(value)) trial.secondaryIds.push(stripIdAnnotation(value));
    }
  }
  for (const b of all('secondaryId')) {
    for (const value of items(firstRun(b.lines))) {
      const cellsOf = value.split(/\s{2,}|\t/u);
      const id = stripIdAnnotation(cellsOf[0]!.trim());
      if (/^(secondary id|identifier|registry|nil|none)$/iu.test(id)) continue;
      const registry = asRegistryId(id) ?? (findRegistryIds(id).length === 1 && findRegistryIds(id)[0]!.id.length >= id.replace(/\W/gu, '').length - 4 ? findRegistryIds(id)[0]! : null);
      if (registry) trial.registryIds.push(registry.id);
      else trial.secondaryIds.push(id);
    }
  }
  trial.registryIds = dedupe(trial.registryIds);
  if (trial.registryIds.length === 0) {
    // an unlabelled id counts only when the page, outside any related-trials block, names exactly one
    const body = (page.relatedAt >= 0 ? page.lines.slice(0, page.relatedAt) : page.lines).join('\n');
    const found = findRegistryIds(body);
    if (found.length === 1) {
      trial.registryIds.push(found[0]!.id);
      notes.push({
        code: 'unlabelled-id',
        field: 'id',
        severity: 'info',
        message: `The registry id ${found[0]!.id} is not labelled on this page; it is the only registry id the page names, so it is taken as this trial's.`,
      });
    } else if (found.length > 1) {
      notes.push({
        code: 'unlabelled-id',
        field: 'id',
        severity: 'warning',
        message: `The page names several registry ids (${found.map((f) => f.id).join(', ')}) without saying which is this trial's; none is used.`,
      });
    }
  }

  // ---- status: the overall status; a recruitment status decides an overall "Ongoing"
  const overall = scalar('status');
  // a site may give several recruitment statuses (CTRI: global, then India): the first that names a status
  const recruitments = all('recruitmentStatus').map((b) => b.lines.find((l) => l !== '')?.trim()).filter((v): v is string => !!v);
  const recruitment = recruitments.find((v) => termOf(STATUS, v) !== null || ambiguity('status', v) !== null) ?? recruitments[0] ?? null;
  trial.status = overall ?? recruitment;
  if (overall && recruitment && ambiguity('status', overall) && /^ongoing$/iu.test(overall)) {
    if (termOf(STATUS, recruitment) === 'RECRUITING') trial.status = recruitment;
    else if (/^no longer recruiting$/iu.test(recruitment)) trial.status = 'Active, not recruiting';
  }

  // ---- phases
  const phaseBlock = block('phase');
  if (phaseBlock) {
    const lines = phaseBlock.lines.filter(Boolean);
    const answered = phasesAnswered(lines.join(' '));
    if (answered.length > 0) trial.phases.push(...answered);
    else if (lines[0]) trial.phases.push(barePhase(lines[0]));
  }
  if (trial.phases.length === 0) {
    const answered = phasesAnswered(page.lines.join('\n'));
    if (answered.length > 0) trial.phases.push(...answered);
  }

  // ---- enrollment
  const actual = scalar('actualEnrollment');
  const planned = scalar('enrollment');
  if (actual && /\d/u.test(actual)) trial.enrollment = { count: actual, type: 'ACTUAL' };
  else if (planned) {
    const label = block('enrollment')!.label;
    trial.enrollment = { count: planned, type: enrollmentType(planned) ?? (/\b(target|anticipated|estimated|planned)\b/iu.test(label) ? 'ESTIMATED' : null) };
  }
  const studyType = scalar('studyType');
  trial.studyType = studyType;

  trial.conditions = list('conditions').map((c) => c.replace(/^health condition\s*\d+\s*:\s*/iu, ''));
  trial.keywords = list('keywords');
  trial.interventions = list('interventions')
    .map((line) => line.replace(/^(control )?intervention\s*\d+\s*[:.)-]\s*/iu, ''))
    .filter((line) => !/^(nil|none|n\/a)(\s*:\s*(nil|none|n\/a))?$/iu.test(line))
    .map((line) => {
      const { type, name } = splitInterventionLine(line);
      return { type, name, description: null, otherNames: [] };
    });
  trial.sponsor = scalar('sponsor')?.replace(/^name\s*[:：]?\s*/iu, '') ?? null;
  trial.collaborators = list('collaborators').map((c) => c.replace(/^name\s*[:：]?\s*/iu, ''));
  trial.summary = text('summary');
  trial.description = text('description');

  trial.dates.start = date('start');
  trial.dates.primaryCompletion = date('primaryCompletion');
  trial.dates.completion = date('completion');
  trial.dates.firstPosted = date('firstPosted');
  trial.dates.lastUpdated = date('lastUpdated');

  trial.eligibility.sex = scalar('sex');
  const ages = scalar('ages');
  if (ages) applyAgeRange(trial, ageWords(ages.replace(/\s*\(.*\)\s*$/u, '')));
  const minAge = scalar('minAge');
  if (minAge && !NO_AGE.test(minAge)) {
    const range = parseAgeRange(ageWords(minAge));
    trial.eligibility.minAge = range.min ?? (range.understood ? null : minAge);
  }
  const maxAge = scalar('maxAge');
  if (maxAge && !NO_AGE.test(maxAge)) {
    const words = ageWords(maxAge);
    const range = parseAgeRange(/^(\d|\.)/u.test(words) ? `up to ${words}` : words);
    trial.eligibility.maxAge = range.max ?? (range.understood ? null : maxAge);
  }
  trial.eligibility.healthyVolunteers = yesNo(scalar('healthyVolunteers'));
  trial.eligibility.inclusion = criteria(block('inclusion')?.lines);
  trial.eligibility.exclusion = criteria(block('exclusion')?.lines);
  // "Spain - AEMPS" (EU CTR: the member state and its regulator)
  trial.locations = list('countries')
    .flatMap((c) => c.split(/\s*,\s*(?=[A-Z])/u))
    .map((c) => c.replace(/\s+-\s+[A-Z][\w .()-]*$/u, ''))
    .map((country) => ({ facility: null, city: null, state: null, zip: null, country }));

  const answers = all('designAnswer').map((b) => `${b.label}: ${b.lines.find((l) => l !== '') ?? ''}`);
  const design = [block('design')?.lines.filter(Boolean).join(' '), ...answers].filter(Boolean).join(', ') || null;
  const parts = design
    ? designParts(design, (slot, part) =>
        slot === 'allocation' ? termOf(ALLOCATION, part) !== null : slot === 'masking' ? termOf(MASKING, part.replace(/\s*\(.*\)$/u, '')) !== null : slot === 'interventionModel' ? termOf(INTERVENTION_MODEL, part) !== null : termOf(PRIMARY_PURPOSE, part) !== null,
      )
    : null;
  trial.design.allocation = scalar('allocation') ?? parts?.allocation ?? null;
  const masking = scalar('masking') ?? parts?.masking ?? null;
  trial.design.masking = masking?.replace(/\s*\((?!masking not used)[^)]*\)\s*$/iu, '') ?? null;
  const who = masking ? /\(([^)]*)\)/u.exec(masking)?.[1] : undefined;
  trial.design.whoMasked = who && !/open label|masking not used/iu.test(who) ? who.split(/\s*,\s*/u) : [];
  trial.design.interventionModel = scalar('interventionModel') ?? parts?.interventionModel ?? null;
  trial.design.primaryPurpose = scalar('primaryPurpose') ?? parts?.primaryPurpose ?? null;

  // outcomes: every occurrence ("Primary outcome [1]", "[2]"…); a time-frame label right after one is its time frame
  for (const [field, key] of [['primaryOutcomes', 'primary'], ['secondaryOutcomes', 'secondary']] as const) {
    for (const b of all(field)) {
      const outcomes = items(firstRun(b.lines)).map((measure) => ({ measure, timeFrame: null as string | null, description: null }));
      const next = page.blocks[page.blocks.indexOf(b) + 1];
      const frame = next?.field === 'timeFrame' ? next.lines.find((l) => l !== '') : undefined;
      if (frame && outcomes.length === 1) outcomes[0]!.timeFrame = frame.trim();
      trial.outcomes[key].push(...outcomes);
    }
  }
  const results = scalar('hasResults');
  if (results && /^(yes|results (posted|available)|view results)$/iu.test(results)) trial.hasResults = true;
  else if (results && /^(no|no results (posted|available)|results pending)$/iu.test(results)) trial.hasResults = false;

  for (const key of ['summary', 'description'] as const) {
    const value = trial[key];
    if (value) trial[key] = clean(value);
  }
  return trial;
}

/** Fields only a trial record states: three of them make a page a trial record even without a registry id. */
const TRIAL_FIELDS = new Set<Field>(['status', 'recruitmentStatus', 'phase', 'enrollment', 'actualEnrollment', 'studyType', 'conditions', 'interventions', 'sponsor', 'inclusion', 'exclusion', 'start', 'completion', 'primaryOutcomes']);

/** An age field that states no limit. */
const NO_AGE = /^(not applicable|no limit|none|n\/a|na|-|not stated|no age limit)$/iu;

/** "2" → "Phase 2", "1/2" → "Phase 1/Phase 2": some registries print the phase number alone. */
function barePhase(text: string): string {
  const bare = /^([0-4])(?:\s*[/,-]\s*([0-4]))?$/u.exec(text.trim());
  if (!bare) return text;
  return bare[2] ? `Phase ${bare[1]}/Phase ${bare[2]}` : `Phase ${bare[1]}`;
}

/** A line that can be a title: words, not chrome, not a sentence of site text, not a URL. */
function headingLike(text: string): boolean {
  const t = text.trim();
  if (CHROME.test(t) || /^https?:\/\//iu.test(t) || /@/u.test(t)) return false;
  if (t.length < 15 || t.length > 400) return false;
  const words = t.split(/\s+/u);
  if (words.length < 3) return false;
  if (/[.!]$/u.test(t) && /\b(please|click|you|your|our|we|visit|cookies|log ?in)\b/iu.test(t)) return false; // site text, not a title
  if (/^(please|note|the safety|listing a study|for anzctr|to achieve|registering|thank you|we use cookies)\b/iu.test(t)) return false;
  return /\p{L}{3}/u.test(t);
}

/** Criteria run until a blank line followed by something that is not a list item. */
function criteria(lines: readonly string[] | undefined): string[] {
  if (!lines) return [];
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line === '') {
      const next = lines.slice(i + 1).find((l) => l !== '');
      if (out.length > 0 && (next === undefined || !/^([•*·-]|\(?\d{1,3}[.)])/u.test(next))) break;
      continue;
    }
    out.push(line);
  }
  // "1. Aged 18-65; 2. Willing…" or "(1) … (2) …" on one line: numbered items run together
  const split = out.flatMap(numberedRun);
  return listItems(split).filter((i) => !/^(nil|none|n\/a|not applicable)$/iu.test(i) && !asRegistryId(i));
}

/**
 * A line holding numbered items in sequence ("Every subject must: 1. Aged 20 or over. 2. …", "(1) … (2) …")
 * → the text before item 1, then one line per item. Numbers out of sequence are text.
 */
function numberedRun(line: string): string[] {
  const marks = [...line.matchAll(/(?:^|\s)(\(?)(\d{1,2})([.)])\s+(?=\S)/gu)];
  const cuts: number[] = [];
  let want = 1;
  let style: string | null = null;
  for (const m of marks) {
    const shape = `${m[1]}${m[3]}`;
    if (Number(m[2]) !== want || (style !== null && shape !== style)) continue;
    style = shape;
    cuts.push(m.index + (m[0].startsWith(' ') ? 1 : 0));
    want += 1;
  }
  if (cuts.length < 2) return [line];
  // the words before item 1 introduce the list ("Every subject must meet all of these:"): not a criterion
  const intro = line.slice(0, cuts[0]).trim();
  const pieces = [...(intro === '' || /:$/u.test(intro) ? [] : [intro]), ...cuts.map((c, i) => line.slice(c, cuts[i + 1]))];
  return pieces.map((p) => p.trim()).filter(Boolean);
}

/** The contract's name for a reader field, for flags. */
function contractField(field: Field): string {
  const map: Partial<Record<Field, string>> = {
    recruitmentStatus: 'status',
    phase: 'phases',
    actualEnrollment: 'enrollment',
    start: 'dates.start',
    primaryCompletion: 'dates.primaryCompletion',
    completion: 'dates.completion',
    firstPosted: 'dates.firstPosted',
    lastUpdated: 'dates.lastUpdated',
    registryId: 'registryIds',
    secondaryId: 'secondaryIds',
    sex: 'eligibility.sex',
    minAge: 'eligibility.minAge',
    maxAge: 'eligibility.maxAge',
    ages: 'eligibility.minAge',
    inclusion: 'eligibility.inclusion',
    exclusion: 'eligibility.exclusion',
    primaryOutcomes: 'outcomes.primary',
    secondaryOutcomes: 'outcomes.secondary',
    countries: 'countries',
  };
  return map[field] ?? field;
}
