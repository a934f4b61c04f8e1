/**
 * A local stand-in for ClinicalTrials.gov's `/api/v2/studies`, for the import tests: a real HTTP
 * server on 127.0.0.1 (port 0) answering from real API v2 study objects, page by page with
 * next-page tokens, honouring `query.term` (an OR of words and quoted phrases, matched as whole
 * words anywhere in the study), `filter.ids`, `filter.advanced=AREA[LastUpdatePostDate]RANGE[a,MAX]`,
 * `pageSize` and `countTotal`, and refusing a token used with other search parameters, as the
 * registry does. Faults can be planned per request number: 429 with Retry-After, 500, a
 * connection dropped mid-body, a body cut short, a request left hanging.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Study = Record<string, any>;

/** The real 88-study export (spine and disc trials) of ClinicalTrials.gov API v2. */
export const EXPORT: readonly Study[] = JSON.parse(readFileSync('tests/fixtures/ctgov/ctg-studies.json', 'utf8'));

/** The fixed time of the stand-in's answers (its Date header): the import records it as "retrieved". */
export const SERVED_AT = 'Tue, 01 Dec 2026 10:00:00 GMT';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** headers and part of the body are sent, then the socket is destroyed */
  | { kind: 'drop' }
  /** a complete HTTP answer whose JSON body is cut short */
  | { kind: 'truncate' }
  /** the request is never answered */
  | { kind: 'hang' };

export interface Served {
  url: URL;
  headers: IncomingHttpHeaders;
  /** the fault it met, or "page" with the studies sent */
  answer: string;
}

export interface Registry {
  /** …/api/v2 of the stand-in */
  url: string;
  /** what it answers from; tests may replace studies between runs */
  studies: Study[];
  /** faults by request number (1 = the first request the server receives) */
  faults: Map<number, Fault>;
  requests: Served[];
  /** a promise that resolves when the next request meets a "hang" fault (ask before starting the run) */
  nextHang(): Promise<void>;
  close(): Promise<void>;
}

export const idOf = (study: Study): string => study.protocolSection.identificationModule.nctId;
export const lastUpdateOf = (study: Study): string => study.protocolSection.statusModule.lastUpdatePostDateStruct.date;

/** The stand-in's reading of a `query.term`: alternatives separated by OR, each a word or a quoted phrase. */
export function matchesTerm(study: Study, term: string): boolean {
  const text = JSON.stringify(study.protocolSection);
  return term.split(/\s+OR\s+/u).some((alternative) => {
    const phrase = alternative.trim().replace(/^"(.*)"$/u, '$1').replace(/\\(.)/gu, '$1');
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
  });
}

function select(studies: readonly Study[], params: URLSearchParams): Study[] | string {
  let out = [...studies];
  const term = params.get('query.term');
  if (term !== null) out = out.filter((s) => matchesTerm(s, term));
  const ids = params.get('filter.ids');
  if (ids !== null) {
    const wanted = new Set(ids.split(/[,|]/u));
    out = out.filter((s) => wanted.has(idOf(s)));
  }
  const advanced = params.get('filter.advanced');
  if (advanced !== null) {
    const m = /^AREA\[LastUpdatePostDate\]RANGE\[(\d{4}-\d{2}-\d{2}),MAX\]$/u.exec(advanced);
    if (!m) return `filter.advanced: cannot read ${advanced}`;
    out = out.filter((s) => lastUpdateOf(s) >= m[1]!);
  }
  return out;
}

const searchKey = (params: URLSearchParams) =>
  createHash('sha256').update(['query.term', 'filter.ids', 'filter.advanced'].map((k) => params.get(k) ?? '').join('\0')).digest('hex').slice(0, 12);

export async function startRegistry(studies: readonly Study[] = EXPORT): Promise<Registry> {
  let onHang: () => void = () => {};
  const registry: Registry = {
    url: '',
    studies: [...studies],
    faults: new Map(),
    requests: [],
    nextHang: () => new Promise<void>((resolve) => (onHang = resolve)),
    close: async () => {},
  };
  const sockets = new Set<Socket>();
  const text = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain', Date: SERVED_AT });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const served: Served = { url, headers: req.headers, answer: '' };
    registry.requests.push(served);
    const fault = registry.faults.get(registry.requests.length);
    if (url.pathname !== '/api/v2/studies') {
      served.answer = '404';
      return text(res, 404, `no such endpoint: ${url.pathname}`);
    }
    const params = url.searchParams;
    const pageSize = Number(params.get('pageSize') ?? '10');
    if (params.get('format') !== 'json' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
      served.answer = '400';
      return text(res, 400, 'format must be json and pageSize 1 to 1000');
    }
    const selected = select(registry.studies, params);
    if (typeof selected === 'string') {
      served.answer = '400';
      return text(res, 400, selected);
    }
    let offset = 0;
    const token = params.get('pageToken');
    if (token !== null) {
      const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset: number; key: string };
      if (decoded.key !== searchKey(params)) {
        served.answer = '400';
        return text(res, 400, 'pageToken belongs to another search');
      }
      offset = decoded.offset;
    }
    const page = selected.slice(offset, offset + pageSize);
    const doc: Record<string, unknown> = { studies: page };
    if (offset + pageSize < selected.length) {
      doc.nextPageToken = Buffer.from(JSON.stringify({ offset: offset + pageSize, key: searchKey(params) })).toString('base64url');
    }
    if (params.get('countTotal') === 'true') doc.totalCount = selected.length;
    const body = JSON.stringify(doc);

    if (fault?.kind === 'status') {
      served.answer = String(fault.status);
      res.writeHead(fault.status, { 'Content-Type': 'text/plain', Date: SERVED_AT, ...(fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}) });
      return res.end(fault.body ?? `status ${fault.status}`);
    }
    if (fault?.kind === 'hang') {
      served.answer = 'hang';
      onHang();
      return;
    }
    if (fault?.kind === 'drop') {
      served.answer = 'drop';
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Date: SERVED_AT });
      res.write(body.slice(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    const sent = fault?.kind === 'truncate' ? body.slice(0, Math.floor(body.length / 3)) : body;
    served.answer = fault?.kind === 'truncate' ? 'truncate' : `page ${page.map(idOf).join(',')}`;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(sent), Date: SERVED_AT });
    res.end(sent);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  registry.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return registry;
}
