/**
 * Reading labelled fields from a page copy whose layout we know only by its labels: the engine
 * behind the generic reader and the WHO ICTRP reader.
 *
 * A copy states a field in one of these shapes, all handled here:
 *   "Label: value"   "Label：value"   "**Label:** value"   "- Label: value"   "| Label | value |"
 *   "Label<TAB>value" or "Label  value" (a table flattened to text; two or more spaces)
 *   a label line, then the value on the next line(s)
 *   "Label value" or "Labelvalue" (the copy lost the separator) — only for labels specific
 *     enough, and only when the value has the shape the field needs (a status word, a number…)
 *   "…last value of one fieldNext label: value" (a label glued to the previous value)
 *   a header row of labels and a row of values, both cut into cells by tabs or "|"
 * Values a copy printed twice ("CompletedCompleted") come back once, with a note.
 * Pure functions; nothing here knows a site.
 */
import { collapseDoubled } from '../text.ts';

/** What kind of value a field holds: decides how far its block runs and which values a glued label accepts. */
export type Kind =
  | 'scalar' // one value, on the label's line or the next line
  | 'text' // paragraphs, until the next label
  | 'list' // items: lines, or ";"-separated, until a blank line
  | 'skip' // a label whose value the catalogue does not read; its lines are consumed
  | 'section' // a heading that only groups other labels
  | 'related'; // a block about other trials: reading stops here

export interface LabelRule<F extends string> {
  pattern: RegExp;
  field: F;
  kind: Kind;
  /**
   * Specific enough that "Label value" without a separator is still this label ("Target sample
   * size", "Recruitment status"), provided `shape` (when given) accepts the value.
   */
  strong?: boolean;
  /** The values this field can take, for a label glued to its value. */
  shape?: (value: string) => boolean;
  /** Repeatable fields (ids) collect every occurrence; others keep the first. */
  repeat?: boolean;
  /** Literal spellings of the label, for labels glued to a value (derived from `pattern` when it is a plain alternation). */
  spellings?: readonly string[];
}

export interface Block<F extends string> {
  field: F;
  /** the label as the page wrote it */
  label: string;
  lines: string[];
  /** index of the label in the prepared lines */
  at: number;
  /** the value began on the label's own line ("Label: value") */
  inline: boolean;
}

export interface LabelledPage<F extends string> {
  /** every occurrence of every field, in page order */
  blocks: Block<F>[];
  /** lines that belong to no labelled field, in order, before any related-trials block */
  free: { text: string; at: number; heading: number | null }[];
  /** index of the first related-trials block (lines from there on describe other trials), or -1 */
  relatedAt: number;
  /** the prepared lines (for id scanning) */
  lines: string[];
  /** labels the page has that the reader does not read (for the curator command) */
  ignored: string[];
  /** fields whose value was printed twice in a row */
  doubled: F[];
}

export interface EngineOptions<F extends string> {
  rules: readonly LabelRule<F>[];
  /** lines to drop before reading (site chrome: "Query!", "Modification(s)"…) */
  noise?: readonly RegExp[];
  /** cleans a label before it is matched (e.g. ANZCTR's "[1]" indexes and database codes) */
  cleanLabel?: (label: string) => string;
  /** cleans a value line (e.g. ANZCTR's trailing database codes) */
  cleanValue?: (value: string) => string;
  /** a line that ends a text block although it is no label (an unlabelled status line after a description) */
  endsText?: (line: string) => boolean;
}

/** A line that opens with an outline number of a registry form: "E.7.1 …", "A.3 …", "B. Sponsor information". */
const OUTLINED = /^(?:[A-Z]\.\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*)\s+\S|^[A-Z]\.\s+[A-Z][a-z]+/u;

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu;
const ODD_SPACE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/gu;

/** Lines every site's chrome leaves in a copy. */
export const COMMON_NOISE: readonly RegExp[] = [
  /^(Loading\.\.\.|Show (more|less)|Read (more|less)|Hide|Copy( link)?|Print|Download( PDF| to PDF)?|Share|Back to top|Skip to (main )?content|Skip Navigation Links|Query!|Modification\(s\))$/iu,
  /^(©|Copyright ).*$/u,
  /^:?-{3,}:?$|^(\|\s*:?-{2,}:?\s*)+\|?$/u, // Markdown rules and table separator rows
];

const stripMarkdown = (line: string): { text: string; heading: number | null } => {
  const heading = /^(#{1,6})\s+(.*?)\s*#*$/u.exec(line);
  if (heading) return { text: heading[2]!, heading: heading[1]!.length };
  let text = line
    .replace(/^(?:[-*+•]\s+)(?=\*\*|__)/u, '') // "- **Label:** value"
    .replace(/^\*\*([^*]+?)\*\*\s*(:?)\s*/u, (_m, label: string, colon: string) => (label.endsWith(':') || colon ? `${label.replace(/:$/u, '')}: ` : `${label}\u0000`))
    .replace(/^__([^_]+?)__\s*(:?)\s*/u, (_m, label: string, colon: string) => (label.endsWith(':') || colon ? `${label.replace(/:$/u, '')}: ` : `${label}\u0000`));
  // a bold label with no colon: the label alone, or the label and a value after it
  if (text.includes('\u0000')) {
    const [label, value] = text.split('\u0000') as [string, string];
    text = value.trim() === '' ? label : `${label}: ${value}`;
  }
  return { text: text.replace(/\*\*|__/gu, '').trim(), heading: null };
};

/** Cells of a table row: "| a | b |" or tab / multi-space separated; null when the line is not a row. */
function cells(raw: string): string[] | null {
  if (/^\|.*\|\s*$/u.test(raw) || (raw.includes(' | ') && raw.split(' | ').length >= 2 && !/[.!?]\s/u.test(raw))) {
    const out = raw.replace(/^\|/u, '').replace(/\|\s*$/u, '').split('|').map((c) => c.trim());
    return out.length >= 2 ? out : null;
  }
  if (/\t| {2,}/u.test(raw)) {
    const out = raw.split(/\t+| {2,}/u).map((c) => c.trim()).filter((c) => c !== '');
    return out.length >= 2 ? out : null;
  }
  return null;
}

export function createEngine<F extends string>(options: EngineOptions<F>) {
  const rules = options.rules;
  const noise = [...COMMON_NOISE, ...(options.noise ?? [])];
  const cleanLabel = options.cleanLabel ?? ((l: string) => l);
  const cleanValue = options.cleanValue ?? ((v: string) => v);

  /** The rule a label names (whole label, case-insensitive; outline numbers such as "A.3.1" and a trailing colon ignored). */
  function ruleOf(label: string): LabelRule<F> | null {
    const key = cleanLabel(label)
      .trim()
      .replace(/^(?:[A-Z]\.)?\d+(?:\.\d+)*\.?\s+(?=\S)/u, '') // "A.3.1 Title…", "E.1.1 …", "3. …"
      .replace(/\s*[:：]\s*$/u, '')
      .replace(/\s+/gu, ' ');
    if (key.length < 2 || key.length > 120) return null;
    return rules.find((r) => r.pattern.test(key)) ?? null;
  }

  /** Literal labels for glue detection: the pattern sources that are plain words. */
  const spellingsOf = (r: LabelRule<F>) => [...new Set([...(r.spellings ?? []), ...literalAlternatives(r.pattern)])];
  const gluable = rules
    .filter((r) => r.kind !== 'skip' && r.kind !== 'section' && r.kind !== 'related')
    .flatMap(spellingsOf)
    .filter((l) => /^[A-Z]/u.test(l) && l.length >= 5)
    .sort((a, b) => b.length - a.length);
  // a glued label starts with a capital ("…grade 2-3Exclusion criteria:"); the rest of it in any case
  const glueAt = gluable.length
    ? new RegExp(`(?<=[\\p{Ll}\\d).\\]])(?=\\p{Lu})(?=(?i:${gluable.map(escape).join('|')})\\s*[:：])`, 'gu')
    : null;
  const spacedAt = gluable.length ? new RegExp(`\\s+(?=(?i:${gluable.map(escape).join('|')})\\s*[:：])`, 'gu') : null;

  /** Strong labels by their literal spellings, longest first, for "Label value" / "Labelvalue". */
  const strong = rules
    .filter((r) => r.strong)
    .flatMap((r) => spellingsOf(r).map((text) => ({ text, rule: r })))
    .sort((a, b) => b.text.length - a.text.length);

  interface Prepared {
    text: string;
    heading: number | null;
    label?: { rule: LabelRule<F>; text: string; inline: string | null };
  }

  function prepare(content: string): Prepared[] {
    const raw = content.replace(/\r\n?/gu, '\n').replace(INVISIBLE, '').replace(ODD_SPACE, ' ').split('\n');
    const out: Prepared[] = [];
    for (let i = 0; i < raw.length; i += 1) {
      const source = raw[i]!.replace(/[ \f\v]+$/u, '').replace(/^[ \t]+/u, '');
      if (noise.some((n) => n.test(source.trim()))) continue;
      const { text: md, heading } = stripMarkdown(source);
      const row = heading === null ? cells(md) : null;
      if (row) {
        // a header row of labels and a row of values of the same width
        const next = raw[i + 1] !== undefined ? cells(stripMarkdown(raw[i + 1]!.trim()).text) : null;
        const nextIsRule = next === null && /^\|?\s*:?-{2,}/u.test(raw[i + 1]?.trim() ?? '');
        const after = nextIsRule && raw[i + 2] !== undefined ? cells(stripMarkdown(raw[i + 2]!.trim()).text) : null;
        const values = next ?? after;
        if (row.length >= 2 && row.every((c) => ruleOf(c)) && values && values.length === row.length && !values.every((c) => ruleOf(c))) {
          row.forEach((c, k) => out.push(labelLine(c, values[k]!)));
          i += next ? 1 : 2;
          continue;
        }
        // a two-cell row: label and value
        if (row.length === 2 && ruleOf(row[0]!)) {
          out.push(labelLine(row[0]!, row[1]!));
          continue;
        }
        if (row.length >= 2 && ruleOf(row[0]!) && row.slice(1).every((c) => c === '')) {
          out.push(labelLine(row[0]!, ''));
          continue;
        }
      }
      const text = (row ? row.filter(Boolean).join(' ') : md).replace(/[ \t]+/gu, ' ').trim();
      if (text === '') {
        out.push({ text: '', heading: null });
        continue;
      }
      for (const piece of splitGlued(text)) out.push(classify(piece, heading));
    }
    return out;
  }

  function labelLine(label: string, value: string): Prepared {
    const rule = ruleOf(label);
    if (!rule) return { text: `${label} ${value}`.trim(), heading: null };
    return { text: `${label}: ${value}`, heading: null, label: { rule, text: label.replace(/\s*[:：]\s*$/u, '').trim(), inline: value.trim() || null } };
  }

  /** "…grade 2-3Exclusion criteria: none" and "Status: Completed Phase: 2" → one piece per label. */
  function splitGlued(text: string): string[] {
    let pieces = [text];
    if (glueAt) pieces = pieces.flatMap((p) => p.split(glueAt));
    if (spacedAt) {
      pieces = pieces.flatMap((p) => {
        const head = /^([^:：]{2,90}?)\s*[:：]/u.exec(p);
        if (!head || ruleOf(head[1]!)?.kind !== 'scalar') return [p];
        // cut only in the value, after the first label's colon
        const start = head[0].length;
        return [p.slice(0, start) + p.slice(start).split(spacedAt)[0], ...p.slice(start).split(spacedAt).slice(1)];
      });
    }
    return pieces.map((p) => p.trim()).filter(Boolean);
  }

  function classify(text: string, heading: number | null): Prepared {
    const bare = text.replace(/^(?:[-*+•]\s+)/u, '');
    // "Label: value"
    const colon = /^([^:：]{2,120}?)\s*[:：]\s*(.*)$/u.exec(bare);
    if (colon) {
      const rule = ruleOf(colon[1]!);
      if (rule) return { text, heading, label: { rule, text: colon[1]!.trim(), inline: colon[2]!.trim() || null } };
    }
    // a label alone on its line
    const whole = ruleOf(bare);
    if (whole) return { text, heading, label: { rule: whole, text: bare.replace(/\s*[:：]\s*$/u, ''), inline: null } };
    // "Label value" / "Labelvalue" for strong labels whose value has the right shape
    const lower = bare.toLowerCase();
    for (const { text: label, rule } of strong) {
      if (!lower.startsWith(label.toLowerCase()) || bare.length === label.length) continue;
      const rest = bare.slice(label.length);
      // "Status of…", "Primary sponsor type": the label word runs on into other words
      if (/^[\p{Ll}]/u.test(rest.trimStart())) continue;
      const value = rest.replace(/^\s*[:：]?\s*/u, '').trim();
      if (value === '' || (rule.shape && !rule.shape(value))) continue;
      return { text, heading, label: { rule, text: label, inline: value } };
    }
    return { text, heading };
  }

  function read(content: string): LabelledPage<F> {
    const prepared = prepare(content);
    const lines = prepared.map((p) => p.text);
    const blocks: Block<F>[] = [];
    const free: LabelledPage<F>['free'] = [];
    const ignored: string[] = [];
    const doubled: F[] = [];
    let relatedAt = -1;
    let current: { block: Block<F> | null; rule: LabelRule<F> } | null = null;
    const seen = new Set<F>();

    for (let at = 0; at < prepared.length; at += 1) {
      const line = prepared[at]!;
      if (line.label) {
        const { rule, text, inline } = line.label;
        // a scalar label waiting for its value takes a bare line that merely looks like a label
        // ("Purpose of the study" / "Treatment"): a label already read, or a value of the right shape
        const waiting = current?.block && current.rule.kind === 'scalar' && !current.block.lines.some((l) => l !== '') ? current : null;
        if (waiting && inline === null && ((seen.has(rule.field) && !rule.repeat) || waiting.rule.shape?.(line.text))) {
          waiting.block!.lines.push(cleanValue(line.text));
          current = null;
          continue;
        }
        if (rule.kind === 'related') {
          relatedAt = at;
          break;
        }
        if (rule.kind === 'skip' || rule.kind === 'section') {
          if (rule.kind === 'skip') ignored.push(cleanLabel(text).trim());
          current = { block: null, rule };
          if (inline !== null) current = null;
          continue;
        }
        const earlier = seen.has(rule.field) ? blocks.filter((b) => b.field === rule.field).at(-1) : undefined;
        if (earlier && !rule.repeat && !earlier.lines.some((l) => l !== '')) {
          // a heading and a label of the same name ("Condition" / "Condition" / value): one field
          if (inline !== null) earlier.lines.push(cleanValue(inline));
          current = rule.kind === 'scalar' && inline !== null ? null : { block: earlier, rule };
          continue;
        }
        if (seen.has(rule.field) && !rule.repeat) {
          // a repeated label (a sub-record's "Description", a footer's "Status") is not read again
          ignored.push(cleanLabel(text).trim());
          current = { block: null, rule: { ...rule, kind: 'skip' } };
          if (inline !== null && rule.kind === 'scalar') current = null;
          continue;
        }
        seen.add(rule.field);
        const block: Block<F> = { field: rule.field, label: text, lines: inline !== null ? [cleanValue(inline)] : [], at, inline: inline !== null };
        blocks.push(block);
        current = rule.kind === 'scalar' && inline !== null ? null : { block, rule };
        continue;
      }
      const text = line.text;
      // an outline-numbered line ("E.7.1 Human pharmacology…", "B. Sponsor Information") is another field
      if (current && OUTLINED.test(text)) current = null;
      if (current?.rule.kind === 'text' && text !== '' && options.endsText?.(text)) current = null;
      if (!current) {
        if (text !== '') free.push({ text, at, heading: line.heading });
        continue;
      }
      const { block, rule } = current;
      if (rule.kind === 'scalar' || (rule.kind === 'skip' && !block)) {
        if (text === '') continue;
        // a label line without a value takes the next line, and ends
        if (block) block.lines.push(cleanValue(text));
        current = null;
        continue;
      }
      if (rule.kind === 'section') {
        current = null;
        if (text !== '') free.push({ text, at, heading: line.heading });
        continue;
      }
      if (!block) continue;
      block.lines.push(text === '' ? '' : cleanValue(text));
    }

    // a value printed twice in a row is kept once
    for (const block of blocks) {
      const values = block.lines.filter((l) => l !== '');
      if (values.length === 2 && values[0] === values[1]) {
        block.lines = [values[0]!];
        doubled.push(block.field);
      } else if (values.length >= 1) {
        const { value, doubled: twice } = collapseDoubled(values[0]!);
        if (twice && values.length === 1) {
          block.lines = [value];
          doubled.push(block.field);
        }
      }
    }
    return { blocks, free, relatedAt, lines, ignored, doubled };
  }

  return { read, ruleOf };
}

/** The plain alternatives of a label pattern such as /^(public title|title)$/iu → ["public title", "title"]. */
function literalAlternatives(pattern: RegExp): string[] {
  const body = pattern.source.replace(/^\^\(?/u, '').replace(/\)?\$$/u, '');
  if (/[\\[\]{}*+?]|\((?!s\))/u.test(body.replace(/\\\(s\\\)|\(s\)/gu, ''))) {
    // only simple alternations are glued; a label with optional parts is matched whole
    return [];
  }
  return body
    .split('|')
    .map((a) => a.replace(/\\/gu, '').trim())
    .filter((a) => a !== '' && !/[()]/u.test(a.replace(/\(s\)/gu, '')))
    .map((a) => a.replace(/^(.)/u, (c) => c.toUpperCase()));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The first run of non-blank lines of a block. */
export function firstRun(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l === '' && out.length > 0) break;
    if (l !== '') out.push(l);
  }
  return out;
}
