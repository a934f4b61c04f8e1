/**
 * Turning a record file's bytes into text. Records are UTF-8; a file that is not valid UTF-8 but
 * reads as text in Windows-1252 (the superset of Latin-1 that old exports and Windows editors
 * write) is read that way and its trials carry the `encoding-converted` flag, so accented names
 * are kept instead of turning into "�". Bytes that are text in neither are left for the binary
 * check of detect.ts to refuse with a clear error.
 */
export type Encoding = 'utf-8' | 'windows-1252';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

export function decodeRecord(bytes: Uint8Array): { content: string; encoding: Encoding } {
  try {
    return { content: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: text in a single-byte encoding has no NUL and few C0 control bytes
    const sample = bytes.subarray(0, 8192);
    let control = 0;
    for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control += 1;
    if (sample.includes(0) || control / Math.max(1, sample.length) > 0.02) {
      return { content: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    }
    return { content: cp1252.decode(bytes), encoding: 'windows-1252' };
  }
}
