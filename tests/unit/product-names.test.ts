/** Product-name spotting (src/ingest/terms.ts): the literal pre-check must never hide a match the patterns find. */
import { describe, expect, it } from 'vitest';
import { productNames } from '../../src/ingest/terms.ts';

const found = (text: string) => productNames(text).map((h) => h.match);

describe('productNames', () => {
  it('finds a name in any case, with its spaces or hyphens written either way, and a mark after it', () => {
    expect(found('Patients receive REMESTEMCEL-L or placebo')).toEqual(['REMESTEMCEL-L']);
    expect(found('remestemcel L (Ryoncil®) was given')).toEqual(['remestemcel L', 'Ryoncil®']);
    expect(found('remestemcelL infusion')).toEqual(['remestemcelL']);
  });

  it('finds a name written with a letter that Unicode case folding makes ASCII (the long s)', () => {
    expect(found('PROCHYMAL and Provacel')).toEqual(['PROCHYMAL', 'Provacel']);
    expect(found('remeſtemcel')).toEqual(['remeſtemcel']);
  });

  it('finds nothing in a text without any product name, and names only inside word boundaries', () => {
    expect(found('Autologous bone marrow aspirate was injected into the knee')).toEqual([]);
    expect(found('xprochymal')).toEqual([]);
  });

  it('gives every caller its own hits (the scan of a text is remembered)', () => {
    const first = productNames('Prochymal is remestemcel-L');
    first[0]!.match = 'changed';
    expect(productNames('Prochymal is remestemcel-L').map((h) => h.match)).toEqual(['Prochymal', 'remestemcel-L']);
  });
});
