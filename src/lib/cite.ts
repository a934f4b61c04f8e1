/**
 * Citations of one trial, generated at build time: a ready-to-copy text (NLM style for trial
 * registrations) and RIS, BibTeX and CSL-JSON files. The work cited is the trial's registry
 * record; the catalogue page is given as where it was read.
 */
import { registryOf, registryUrl } from '../domain/registries.ts';
import type { Trial } from '../schemas/trial.ts';
import { formatIsoDate } from './format.ts';

export interface CiteContext {
  /** absolute URL of the trial's catalogue page */
  pageUrl: string;
  /** ISO date the record was read (the build date) */
  accessed: string;
}

interface Parts {
  author: string | null;
  title: string;
  registry: string;
  id: string;
  url: string;
  issued: string | null;
  updated: string | null;
}

function parts(t: Trial, ctx: CiteContext): Parts {
  return {
    author: t.sponsor,
    title: t.title,
    registry: registryOf(t.id)?.name ?? 'MSC Trials Catalogue',
    id: t.id,
    url: registryUrl(t.id) ?? ctx.pageUrl,
    issued: t.dates.firstPosted?.date ?? t.dates.start?.date ?? null,
    updated: t.dates.lastUpdated?.date ?? null,
  };
}

const sentence = (s: string) => (/[.!?]$/u.test(s) ? s : `${s}.`);

export function citationText(t: Trial, ctx: CiteContext): string {
  const p = parts(t, ctx);
  const dates = [p.issued ? `First posted ${formatIsoDate(p.issued)}` : null, p.updated ? `last updated ${formatIsoDate(p.updated)}` : null]
    .filter(Boolean)
    .join('; ');
  return [
    p.author ? sentence(p.author) : null,
    sentence(p.title),
    `${p.registry} identifier: ${p.id}.`,
    dates ? `${dates}.` : null,
    `Available from: ${p.url}.`,
    `Read in the MSC Trials Catalogue, ${ctx.pageUrl} (accessed ${formatIsoDate(ctx.accessed)}).`,
  ]
    .filter(Boolean)
    .join(' ');
}

const risDate = (iso: string) => iso.split('-').join('/');

export function toRis(t: Trial, ctx: CiteContext): string {
  const p = parts(t, ctx);
  const lines: [string, string][] = [['TY', 'ELEC']];
  lines.push(['TI', p.title]);
  if (p.author) lines.push(['AU', p.author]);
  lines.push(['PB', p.registry], ['AN', p.id], ['ID', p.id]);
  if (p.issued) lines.push(['PY', p.issued.slice(0, 4)], ['DA', risDate(p.issued)]);
  lines.push(['Y2', risDate(ctx.accessed)], ['UR', p.url], ['UR', ctx.pageUrl]);
  for (const id of t.registryIds.slice(1)) lines.push(['N1', `Also registered as ${id}`]);
  lines.push(['N1', `${p.registry} identifier: ${p.id}. Read in the MSC Trials Catalogue.`]);
  lines.push(['ER', '']);
  return `${lines.map(([tag, value]) => `${tag}  - ${value.replace(/\s+/gu, ' ')}`.trimEnd()).join('\r\n')}\r\n`;
}

/** Escape text for a BibTeX field. */
export function bibEscape(value: string): string {
  return value
    .replace(/\\/gu, '\\textbackslash{}')
    .replace(/([{}&%$#_])/gu, '\\$1')
    .replace(/~/gu, '\\textasciitilde{}')
    .replace(/\^/gu, '\\textasciicircum{}')
    .replace(/\s+/gu, ' ');
}

export function bibKey(id: string): string {
  return id.replace(/[^A-Za-z0-9]+/gu, '');
}

export function toBibtex(t: Trial, ctx: CiteContext): string {
  const p = parts(t, ctx);
  const fields: [string, string][] = [];
  if (p.author) fields.push(['author', `{${bibEscape(p.author)}}`]);
  fields.push(['title', `{${bibEscape(p.title)}}`], ['howpublished', bibEscape(p.registry)], ['number', bibEscape(p.id)]);
  if (p.issued) fields.push(['year', p.issued.slice(0, 4)]);
  fields.push(['url', p.url], ['urldate', ctx.accessed]);
  fields.push(['note', bibEscape(`${p.registry} identifier ${p.id}. Read in the MSC Trials Catalogue: ${ctx.pageUrl}`)]);
  return `@misc{${bibKey(p.id)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

const dateParts = (iso: string) => [iso.split('-').map(Number)];

export function toCslJson(t: Trial, ctx: CiteContext): Record<string, unknown>[] {
  const p = parts(t, ctx);
  return [
    {
      id: p.id,
      type: 'webpage',
      title: p.title,
      ...(p.author ? { author: [{ literal: p.author }] } : {}),
      'container-title': p.registry,
      publisher: p.registry,
      number: p.id,
      URL: p.url,
      ...(p.issued ? { issued: { 'date-parts': dateParts(p.issued) } } : {}),
      accessed: { 'date-parts': dateParts(ctx.accessed) },
      note: `${p.registry} identifier: ${p.id}. Read in the MSC Trials Catalogue: ${ctx.pageUrl}`,
    },
  ];
}
