/**
 * Text helpers shared by the page-copy readers: lines, sections, list items, glued and
 * doubled text. Pure functions, no knowledge of any one site.
 */

/** Characters that page copies put before list items. */
const BULLET = /^(?:[•●◦▪▫·‣⁃○■□►▶➢✓✔*–—-]\s*)+/u;
/** "1.", "1)", "(1)", "a." and "24.The" (number glued to the text). */
const NUMBERED = /^(?:\(?\d{1,3}[.)]|\(?[a-z][.)](?=\s))\s*/u;

/**
 * Split a page copy into trimmed lines, with unusual spaces and invisible characters normalised.
 * Tabs are kept (as one tab) because they are the only cell separators some table copies have.
 */
export function toLines(content: string): string[] {
  return content
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .replace(/[\u200B-\u200D\u2060]/gu, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/gu, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \f\v]+/gu, ' ').replace(/ *\t */gu, '\t').replace(/^[ \t]+|[ \t]+$/gu, ''));
}

/** Collapse runs of whitespace and trim; empty becomes null. */
export function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const out = value.replace(/[ \t\u00A0]+/gu, ' ').replace(/ *\n */gu, '\n').replace(/\n{3,}/gu, '\n\n').trim();
  return out === '' ? null : out;
}

export interface ListMarker {
  text: string;
  marker: 'bullet' | 'number' | null;
}

/** Remove a leading bullet or number; tells which kind it was. */
export function stripMarker(line: string): ListMarker {
  let text = line.trim();
  let marker: ListMarker['marker'] = null;
  // bullets may be stacked ("* • text") or mixed with a number ("• 1. text")
  for (let i = 0; i < 3; i += 1) {
    const bullet = BULLET.exec(text);
    if (bullet && bullet[0].length > 0 && !/^-\d/u.test(text)) {
      text = text.slice(bullet[0].length);
      marker ??= 'bullet';
      continue;
    }
    const numbered = NUMBERED.exec(text);
    if (numbered && !/^\d+\.\d/u.test(text)) {
      text = text.slice(numbered[0].length);
      marker ??= 'number';
      continue;
    }
    break;
  }
  return { text: text.trim(), marker };
}

/** Remove only bullets (used to recognise headings that a copy prefixed with a stray bullet). */
export function stripBullets(line: string): string {
  return line.replace(BULLET, '').trim();
}

/**
 * Turn the lines of a criteria or list block into items: each bullet/number starts an item;
 * an unmarked line continues the previous item when it starts in lower case or the previous
 * item ends mid-sentence (comma, "and", "or"), else it is an item of its own.
 */
export function listItems(lines: readonly string[]): string[] {
  const items: string[] = [];
  let previousMarked = false;
  for (const raw of lines) {
    if (raw.trim() === '') {
      previousMarked = false;
      continue;
    }
    const { text, marker } = stripMarker(raw);
    if (text === '') continue;
    const last = items.length - 1;
    const continues =
      marker === null &&
      last >= 0 &&
      (/^[a-z(]/u.test(text) || (previousMarked && /(?:,|\band|\bor|:)$/u.test(items[last]!)));
    if (continues) items[last] = `${items[last]} ${text}`;
    else items.push(text);
    previousMarked = marker !== null || previousMarked;
  }
  return dedupe(
    items.map((item) => item.replace(/\s+/gu, ' ').replace(/\s*[,;]+$/u, '').trim()).filter((item) => item !== ''),
  );
}

/** Distinct values, first occurrence kept, compared case- and space-insensitively. */
export function dedupe(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase().replace(/\s+/gu, ' ').trim();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/**
 * A value that a page copy printed twice in a row ("…scheduled dayThis study…scheduled day")
 * comes back once. Tells whether it collapsed anything.
 */
export function collapseDoubled(value: string): { value: string; doubled: boolean } {
  const s = value.trim();
  const n = s.length;
  if (n >= 8) {
    for (const gap of [0, 1]) {
      if ((n - gap) % 2 !== 0) continue;
      const half = (n - gap) / 2;
      const first = s.slice(0, half);
      const second = s.slice(half + gap);
      if (first === second && (gap === 0 || /\s/u.test(s[half]!))) return { value: first.trim(), doubled: true };
    }
  }
  return { value: s, doubled: false };
}

/**
 * Where a page copy glued table cells together ("UC-Mesenchymal Stem CellMesenchymal Stem Cell"),
 * the seams are a lower-case letter or closing bracket directly followed by an upper-case letter
 * or a digit. Returns the positions of those seams.
 */
export function glueSeams(value: string): number[] {
  const seams: number[] = [];
  for (let i = 1; i < value.length; i += 1) {
    const before = value[i - 1]!;
    const here = value[i]!;
    if (/[a-z)\]%.]/u.test(before) && /[A-Z0-9]/u.test(here)) {
      // "e.g.", "i.e." and decimals are not seams
      if (before === '.' && (/\d/u.test(here) || /\b[a-z]\.$/iu.test(value.slice(0, i)))) continue;
      // a word like "McDonald", "iPSC", "HbA1c" is glued on purpose: require the left word to have 2+ lower-case letters
      const leftWord = /[A-Za-z]+[)\]%.]?$/u.exec(value.slice(0, i))?.[0] ?? '';
      if (/[a-z]/u.test(before) && !/[a-z]{2,}$/u.test(leftWord.replace(/[)\]%.]$/u, ''))) continue;
      seams.push(i);
    }
  }
  return seams;
}

/** Split a glued run of exactly `parts` cells; null when the seams do not give that many. */
export function splitGlued(value: string, parts: number): string[] | null {
  const seams = glueSeams(value);
  if (seams.length !== parts - 1) return null;
  const out: string[] = [];
  let start = 0;
  for (const seam of seams) {
    out.push(value.slice(start, seam).trim());
    start = seam;
  }
  out.push(value.slice(start).trim());
  return out.every((part) => part !== '') ? out : null;
}

/** Join paragraphs (runs of non-empty lines) into text, paragraphs separated by a blank line. */
export function paragraphs(lines: readonly string[]): string | null {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) out.push(current.join('\n'));
      current = [];
    } else current.push(line.trim());
  }
  if (current.length) out.push(current.join('\n'));
  return clean(out.join('\n\n'));
}

/** Lines with blank lines removed. */
export function nonEmpty(lines: readonly string[]): string[] {
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}

export interface Section {
  heading: string | null;
  /** index of the heading line in the page */
  at: number;
  lines: string[];
}

export interface SectionOptions {
  /**
   * Prose sections (descriptions, summaries) may contain lines that look like headings
   * ("Inclusion Criteria:" inside a description). Inside such a section only the headings listed
   * for it end it.
   */
  prose?: Readonly<Record<string, readonly string[]>>;
  /** Rewrites a line outside prose before it is matched (e.g. "Label: value" → two lines). */
  expand?: (line: string) => string[];
}

/**
 * Cut a page into sections at lines that equal one of the headings (case-insensitive, a stray
 * leading bullet and a trailing colon ignored). The first section (heading null) is what precedes
 * the first heading. Headings are returned in their canonical spelling from `headings`.
 */
export function sections(lines: readonly string[], headings: readonly string[], options: SectionOptions = {}): Section[] {
  const canonical = new Map(headings.map((h) => [headingKey(h), h] as const));
  const proseEnds = new Map(
    Object.entries(options.prose ?? {}).map(([h, ends]) => [h, new Set(ends.map(headingKey))] as const),
  );
  const out: Section[] = [{ heading: null, at: -1, lines: [] }];
  lines.forEach((raw, index) => {
    const current = out[out.length - 1]!;
    const ends = current.heading ? proseEnds.get(current.heading) : undefined;
    if (ends) {
      const key = headingKey(raw);
      if (ends.has(key)) out.push({ heading: canonical.get(key) ?? raw, at: index, lines: [] });
      else current.lines.push(raw);
      return;
    }
    for (const line of options.expand ? options.expand(raw) : [raw]) {
      const heading = canonical.get(headingKey(line));
      if (heading !== undefined) out.push({ heading, at: index, lines: [] });
      else out[out.length - 1]!.lines.push(line);
    }
  });
  return out;
}

/** The headings of a layout that come after `heading`, minus those that prose may contain. */
export function laterHeadings(headings: readonly string[], heading: string, inProse: readonly string[]): string[] {
  const skip = new Set(inProse.map(headingKey));
  return headings.slice(headings.indexOf(heading) + 1).filter((h) => !skip.has(headingKey(h)));
}

export function headingKey(line: string): string {
  return stripBullets(line)
    .replace(/\s*:\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .toLowerCase();
}

/** The lines of the first section with this heading; undefined when the page has none. */
export function sectionLines(all: readonly Section[], heading: string): string[] | undefined {
  return all.find((s) => s.heading === heading)?.lines;
}
