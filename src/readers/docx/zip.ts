/**
 * A small, guarded ZIP reader for .docx packages.
 *
 * mammoth opens packages with JSZip, which inflates whole entries with no output limit, so
 * a 100 kB file can expand to gigabytes. We read the central directory ourselves, refuse
 * entries whose declared size is over the limit before inflating anything, and inflate with
 * `maxOutputLength` so an entry that lies about its size is stopped at the limit too.
 *
 * See APPNOTE.TXT (PKWARE .ZIP File Format Specification 6.3.10): 4.3.7 local file header,
 * 4.3.12 central directory header, 4.3.14–4.3.16 (Zip64) end of central directory.
 */
import { inflateRawSync } from 'node:zlib';
import { UnreadableInputError } from '../../model/diagnostic.js';

export interface ZipLimits {
  /** Largest uncompressed size accepted for one entry, declared or actual. */
  readonly maxEntryBytes: number;
  /** Largest sum of declared uncompressed sizes over all entries. */
  readonly maxTotalBytes: number;
  /** Most entries accepted in the central directory. */
  readonly maxEntries: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 200 * MiB,
  maxTotalBytes: 1024 * MiB,
  maxEntries: 20_000,
};

export interface ZipEntry {
  readonly name: string;
  /** Compression method: 0 stored, 8 deflated (4.4.5). */
  readonly method: number;
  /** General purpose bit 0: the entry is encrypted (4.4.4). */
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  has(name: string): boolean;
  /** The entry's bytes; throws UnreadableInputError when it cannot be inflated safely. */
  read(name: string): Uint8Array;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/** 22-byte end record plus the longest comment (65535). */
const EOCD_SEARCH = 22 + 0xffff;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

function notZip(detail: string): UnreadableInputError {
  return new UnreadableInputError(
    'docx:not-zip',
    `This file is not a Word .docx document (${detail}). A .docx file is a ZIP package; check that the file was saved as .docx and is complete.`,
  );
}

function tooLarge(what: string): UnreadableInputError {
  return new UnreadableInputError('docx:too-large', `${what}; the file may be a ZIP bomb and was not unpacked.`);
}

export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw notZip('no ZIP end-of-central-directory record');

  let entryCount: number = view.getUint16(eocd + 10, true);
  let cdSize: number = view.getUint32(eocd + 12, true);
  let cdOffset: number = view.getUint32(eocd + 16, true);
  if (entryCount === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const z64 = readZip64End(view, eocd);
    entryCount = z64.entryCount;
    cdSize = z64.cdSize;
    cdOffset = z64.cdOffset;
  }
  if (cdOffset + cdSize > bytes.byteLength) throw notZip('the central directory lies outside the file; it may be truncated');
  if (entryCount > limits.maxEntries) {
    throw new UnreadableInputError('docx:too-large', `The package has ${entryCount} entries, more than the ${limits.maxEntries} allowed.`);
  }

  const decoder = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== SIG_CENTRAL) {
      throw notZip(`central directory entry ${i + 1} is damaged`);
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize: number = view.getUint32(p + 20, true);
    let uncompressedSize: number = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset: number = view.getUint32(p + 42, true);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLength;
    if (extraStart + extraLength > bytes.byteLength) throw notZip(`central directory entry ${i + 1} is damaged`);
    const name = decoder.decode(bytes.subarray(nameStart, extraStart));
    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      // 4.5.3 Zip64 extended information: only the fields that overflowed are present, in this order.
      const z = readZip64Extra(view, extraStart, extraLength);
      let k = 0;
      if (uncompressedSize === U32_MAX) uncompressedSize = z[k++] ?? Infinity;
      if (compressedSize === U32_MAX) compressedSize = z[k++] ?? Infinity;
      if (localHeaderOffset === U32_MAX) localHeaderOffset = z[k++] ?? Infinity;
    }
    if (uncompressedSize > limits.maxEntryBytes) {
      throw tooLarge(
        `The package entry "${name}" declares ${formatSize(uncompressedSize)} unpacked, over the ${formatSize(limits.maxEntryBytes)} limit`,
      );
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) throw tooLarge(`The package declares more than ${formatSize(limits.maxTotalBytes)} unpacked in total`);
    // Keep the first of duplicated names, as most ZIP tools do.
    if (!entries.has(name)) {
      entries.set(name, {
        name,
        method,
        encrypted: (flags & 1) !== 0,
        compressedSize,
        uncompressedSize,
        localHeaderOffset,
      });
    }
    p = extraStart + extraLength + commentLength;
  }

  // Entries can lie about their size, so the total is also kept over what was really inflated.
  let inflated = 0;
  return {
    entries,
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) throw new UnreadableInputError('docx:corrupt-zip', `The package has no entry "${name}".`);
      const data = readEntry(bytes, view, entry, limits);
      inflated += data.byteLength;
      if (inflated > limits.maxTotalBytes) {
        throw tooLarge(`The package unpacks to more than ${formatSize(limits.maxTotalBytes)} in total`);
      }
      return data;
    },
  };
}

function readEntry(bytes: Uint8Array, view: DataView, entry: ZipEntry, limits: ZipLimits): Uint8Array {
  if (entry.encrypted) {
    throw new UnreadableInputError(
      'docx:encrypted',
      `The package entry "${entry.name}" is encrypted; remove the password in Word and save again.`,
    );
  }
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== SIG_LOCAL) {
    throw new UnreadableInputError('docx:corrupt-zip', `The package entry "${entry.name}" is damaged (no local header).`);
  }
  // The local header's name and extra field may differ in length from the central ones.
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.byteLength) {
    throw new UnreadableInputError('docx:corrupt-zip', `The package entry "${entry.name}" is cut off; the file may be truncated.`);
  }
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (data.byteLength > limits.maxEntryBytes) throw tooLarge(`The package entry "${entry.name}" is over the ${formatSize(limits.maxEntryBytes)} limit`);
    return data;
  }
  if (entry.method !== 8) {
    throw new UnreadableInputError(
      'docx:corrupt-zip',
      `The package entry "${entry.name}" uses compression method ${entry.method}, which is not supported (only stored and deflated).`,
    );
  }
  try {
    return inflateRawSync(data, { maxOutputLength: limits.maxEntryBytes });
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || cause instanceof RangeError) {
      throw tooLarge(
        `The package entry "${entry.name}" unpacks to more than the ${formatSize(limits.maxEntryBytes)} limit (its declared size was ${formatSize(entry.uncompressedSize)})`,
      );
    }
    throw new UnreadableInputError('docx:corrupt-zip', `The package entry "${entry.name}" cannot be decompressed; the file is damaged.`, {
      cause,
    });
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const stop = Math.max(0, view.byteLength - EOCD_SEARCH);
  for (let i = view.byteLength - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === SIG_EOCD) return i;
  }
  return -1;
}

function readZip64End(view: DataView, eocd: number): { entryCount: number; cdSize: number; cdOffset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) throw notZip('damaged Zip64 end record');
  const end = toNumber(view.getBigUint64(locator + 8, true));
  if (end + 56 > view.byteLength || view.getUint32(end, true) !== SIG_ZIP64_EOCD) throw notZip('damaged Zip64 end record');
  return {
    entryCount: toNumber(view.getBigUint64(end + 32, true)),
    cdSize: toNumber(view.getBigUint64(end + 40, true)),
    cdOffset: toNumber(view.getBigUint64(end + 48, true)),
  };
}

function readZip64Extra(view: DataView, start: number, length: number): number[] {
  let p = start;
  while (p + 4 <= start + length) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let q = p + 4; q + 8 <= p + 4 + size && q + 8 <= start + length; q += 8) {
        values.push(toNumber(view.getBigUint64(q, true)));
      }
      return values;
    }
    p += 4 + size;
  }
  return [];
}

/** Sizes beyond 2^53 are not real files; treat them as infinite so limits reject them. */
function toNumber(n: bigint): number {
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(n);
}

function formatSize(n: number): string {
  if (!Number.isFinite(n)) return 'an impossible size';
  return n >= MiB ? `${Math.round(n / MiB)} MB` : `${Math.round(n / 1024)} kB`;
}
