/**
 * Bytes → string for text reports. Archives hold UTF-8 (with and without BOM), UTF-16 with
 * BOM (Windows "Unicode" exports) and Windows-1252 files from older Word/Notepad saves.
 * Windows-1252 is a superset of Latin-1's printable range, so one fallback serves both.
 */
import { UnreadableInputError } from '../../model/diagnostic.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
}

/** Share of NUL bytes above which a BOM-less file is binary, not text (UTF-16 needs a BOM here). */
const BINARY_NUL_SHARE = 0.01;

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new UnreadableInputError('text:empty', 'empty file');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (nulShare(bytes) > BINARY_NUL_SHARE) {
    throw new UnreadableInputError('text:binary', 'not a text file (binary content, no UTF-16 byte order mark)');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Invalid UTF-8: the common case in archives is an ANSI (Windows-1252) save. Random bytes
    // also decode as Windows-1252, so text full of control characters is refused as binary.
    const text = new TextDecoder('windows-1252').decode(bytes);
    if (controlShare(text) > BINARY_CONTROL_SHARE) {
      throw new UnreadableInputError('text:binary', 'not a text file (neither UTF-8 nor Windows-1252 text: control characters throughout)');
    }
    return { text, encoding: 'windows-1252' };
  }
}

/** Share of control characters (other than tab, line breaks, form feed) above which bytes are not text. */
const BINARY_CONTROL_SHARE = 0.02;

function controlShare(text: string): number {
  const sample = text.slice(0, 64 * 1024);
  let n = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) n++;
  }
  return sample.length === 0 ? 0 : n / sample.length;
}

function nulShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 64 * 1024);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul / n;
}
