/**
 * What kind of file the bytes are, before trying to open them as a .docx package.
 *
 * Word 97-2003 .doc files and password-protected .docx files are both OLE2 compound files
 * (magic D0 CF 11 E0 A1 B1 1A E1). They differ in their stream names: a .doc has a
 * "WordDocument" stream; an encrypted OOXML file has "EncryptionInfo" and "EncryptedPackage"
 * streams ([MS-OFFCRYPTO] 2.3.4 and 2.3.1). See [MS-CFB] 2.2 (header) and 2.6 (directory
 * entries) for the layout read here.
 */
export type FileKind =
  | { kind: 'empty' }
  | { kind: 'zip' }
  | { kind: 'ole2'; streams: string[] }
  | { kind: 'unknown'; looksLike: string | null };

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "PK\3\4" (local file header) or "PK\5\6" (empty archive). */
const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

export function sniff(bytes: Uint8Array): FileKind {
  if (bytes.byteLength === 0) return { kind: 'empty' };
  if (ZIP_MAGICS.some((m) => startsWith(bytes, m))) return { kind: 'zip' };
  if (startsWith(bytes, OLE2_MAGIC)) return { kind: 'ole2', streams: ole2StreamNames(bytes) };
  return { kind: 'unknown', looksLike: guessOther(bytes) };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function guessOther(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  if (head.startsWith('%PDF')) return 'a PDF file';
  if (head.startsWith('{\\rtf')) return 'an RTF file';
  if (/^\s*</.test(head)) return 'an XML or HTML file';
  return null;
}

const FREE_SECT = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
/** Directory entries are 128 bytes; the name is UTF-16LE in the first 64, its byte length at 0x40. */
const DIR_ENTRY_SIZE = 128;

/**
 * Names of the storage and stream entries in an OLE2 file's directory. Follows the FAT chain
 * from the header's first directory sector, using only the 109 FAT sectors listed in the header
 * (enough for files up to about 7 MB with 512-byte sectors, far more with 4096-byte ones).
 * Returns what it could read; a damaged file yields fewer names, never an exception.
 */
export function ole2StreamNames(bytes: Uint8Array): string[] {
  if (bytes.byteLength < 512) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return [];
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (n: number) => (n + 1) * sectorSize;

  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = view.getUint32(0x4c + i * 4, true);
    if (s === FREE_SECT || s === END_OF_CHAIN) break;
    fatSectors.push(s);
  }
  const perSector = sectorSize / 4;
  const nextSector = (n: number): number => {
    const fatSector = fatSectors[Math.floor(n / perSector)];
    if (fatSector === undefined) return END_OF_CHAIN;
    const at = sectorOffset(fatSector) + (n % perSector) * 4;
    return at + 4 <= bytes.byteLength ? view.getUint32(at, true) : END_OF_CHAIN;
  };

  const names: string[] = [];
  const seen = new Set<number>();
  const decoder = new TextDecoder('utf-16le');
  for (let s = view.getUint32(0x30, true); s < END_OF_CHAIN && !seen.has(s); s = nextSector(s)) {
    seen.add(s);
    const start = sectorOffset(s);
    if (start + sectorSize > bytes.byteLength) break;
    for (let e = start; e < start + sectorSize; e += DIR_ENTRY_SIZE) {
      const nameBytes = Math.min(view.getUint16(e + 0x40, true), 64);
      const type = bytes[e + 0x42];
      if (nameBytes < 2 || (type !== 1 && type !== 2 && type !== 5)) continue;
      names.push(decoder.decode(bytes.subarray(e, e + nameBytes - 2)));
    }
  }
  return names;
}
