/**
 * Turning a record file's bytes into text. Records are UTF-8. A file that is not valid UTF-8 is
 * one of three things, told apart by its bytes:
 * - Western text in Windows-1252 (the superset of Latin-1 that old exports and Windows editors
 *   write): bytes ≥ 0x80 are sparse, single accented letters and typographic punctuation. It is
 *   read in that encoding and its trials carry the `encoding-converted` flag.
 * - UTF-8 with a few damaged bytes (a cut-off character, one stray byte): the valid multi-byte
 *   sequences outnumber the broken ones. It is read as UTF-8, the damaged bytes become "�", and
 *   its trials carry the `encoding-damaged` flag — re-reading the whole file as Windows-1252 would
 *   garble every accent it has ("SÃ£o Paulo").
 * - Anything else (binary data, double-byte encodings such as GBK or Shift-JIS, where most
 *   letters are two bytes ≥ 0x80): decoded as UTF-8 with "�", which the binary check in
 *   detect.ts refuses with a clear error rather than publish garbled text.
 */
export type Encoding = 'utf-8' | 'utf-8-damaged' | 'windows-1252';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** Windows-1252's 0x80–0x9F (where it differs from Latin-1); undefined positions stay as their C1 code. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Our own table, not TextDecoder('windows-1252'): some Node versions decode that label as Latin-1. */
function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Valid UTF-8 multi-byte sequences and bytes that belong to none. */
function utf8Census(bytes: Uint8Array): { valid: number; broken: number } {
  let valid = 0;
  let broken = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k += 1) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid += 1;
      i += len;
    } else {
      broken += 1;
      i += 1;
    }
  }
  return { valid, broken };
}

export function decodeRecord(bytes: Uint8Array): { content: string; encoding: Encoding } {
  try {
    return { content: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    const { valid, broken } = utf8Census(bytes);
    if (valid > broken) return { content: lossy.decode(bytes), encoding: 'utf-8-damaged' };
    let high = 0;
    let control = 0;
    for (const b of bytes) {
      if (b >= 0x80) high += 1;
      else if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control += 1;
    }
    // Western text: few high bytes, no control bytes. Binary or double-byte text: left to the binary check.
    if (control === 0 && high / Math.max(1, bytes.length) <= 0.08) return { content: decodeCp1252(bytes), encoding: 'windows-1252' };
    return { content: lossy.decode(bytes), encoding: 'utf-8' };
  }
}
