/**
 * File → canonical document. Owns the status of a conversion (docling's ConversionStatus):
 * success, partial (warnings), or failure (UnreadableInputError with a code).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { CanonicalDocument } from '../model/document.js';
import { UnreadableInputError } from '../model/diagnostic.js';
import { flatMap, type Result } from '../model/result.js';
import { readSource, type ReadOptions } from '../readers/index.js';
import { buildDocument } from './build.js';

/** Bump when extraction changes what it produces; the store re-imports older versions on --reparse. */
export const PARSER_VERSION = '0.2.0';

/** Files larger than this are refused before reading: no municipal report is this big. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export type ConversionStatus = 'success' | 'partial' | 'failure';

export interface ExtractOptions extends ReadOptions {
  /** Path recorded in source.path (defaults to the path read). */
  displayPath?: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readInput(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new UnreadableInputError('input:directory', `${path} is a directory`);
    size = st.size;
  } catch (e) {
    if (e instanceof UnreadableInputError) throw e;
    throw new UnreadableInputError('input:not-found', `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (size > MAX_INPUT_BYTES) {
    throw new UnreadableInputError('input:too-large', `file is ${size} bytes; the limit is ${MAX_INPUT_BYTES}`);
  }
  return new Uint8Array(await readFile(path));
}

export async function extractBytes(bytes: Uint8Array, path: string, opts: ExtractOptions = {}): Promise<Result<CanonicalDocument>> {
  if (bytes.length === 0) throw new UnreadableInputError('input:empty', 'empty file');
  const source = await readSource(bytes, path, opts);
  return flatMap(source, (src) => buildDocument(src, { path: opts.displayPath ?? path, sha256: sha256(bytes) }));
}

export async function extractFile(path: string, opts: ExtractOptions = {}): Promise<Result<CanonicalDocument>> {
  return extractBytes(await readInput(path), path, opts);
}

export function statusOf(r: Result<CanonicalDocument>): ConversionStatus {
  return r.diagnostics.some((d) => d.severity !== 'info') ? 'partial' : 'success';
}

/** Warnings travel inside the document too, so a stored document keeps them. */
export function withWarnings(r: Result<CanonicalDocument>): CanonicalDocument {
  const seen = new Set(r.value.warnings.map((w) => JSON.stringify(w)));
  const extra = r.diagnostics.filter((d) => !seen.has(JSON.stringify(d)));
  return { ...r.value, warnings: [...extra, ...r.value.warnings] };
}
