/**
 * Format → reader registry. The format comes from the file's first bytes when they are
 * decisive (%PDF, a zip, an OLE2 container), else from the extension; a mismatch between
 * the two is a warning, not a failure. PDF and DOCX code loads lazily so `extract` of a
 * text file starts fast.
 */
import type { SourceDoc, SourceFormat } from '../model/source-doc.js';
import type { Result } from '../model/result.js';
import { UnreadableInputError, warning } from '../model/diagnostic.js';
import { readText } from './text/read-text.js';

export interface ReadOptions {
  maxPages?: number;
  /** OCR PDF pages without a text layer (default true). */
  ocr?: boolean;
  /** Called as work gets done (a PDF page read, a page recognised), so callers can tell slow from stuck. */
  onProgress?: (p: ReadProgress) => void;
}

export interface ReadProgress {
  stage: 'read' | 'ocr';
  page: number;
  done: number;
  total: number;
}

const EXTENSIONS: Record<string, SourceFormat> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.pdf': 'pdf', '.docx': 'docx' };

export function formatFromExtension(path: string): SourceFormat | null {
  const m = /\.[^.\\/]+$/.exec(path.toLowerCase());
  return m ? EXTENSIONS[m[0]] ?? null : null;
}

type Sniffed = 'pdf' | 'zip' | 'ole2' | 'unknown';

export function sniff(bytes: Uint8Array): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole2';
  return 'unknown';
}

export function isSupportedPath(path: string): boolean {
  return formatFromExtension(path) !== null;
}

export async function readSource(bytes: Uint8Array, path: string, opts: ReadOptions = {}): Promise<Result<SourceDoc>> {
  const byExt = formatFromExtension(path);
  const kind = sniff(bytes);
  const format: SourceFormat | null =
    kind === 'pdf' ? 'pdf' : kind === 'zip' || kind === 'ole2' ? 'docx' : byExt;
  if (format === null) {
    throw new UnreadableInputError('input:unsupported-format', `unsupported file type: ${path} (expected .txt, .md, .pdf or .docx)`);
  }
  if (byExt === 'pdf' && kind === 'unknown') {
    if (bytes.length === 0) throw new UnreadableInputError('pdf:empty', 'empty file');
    throw new UnreadableInputError('pdf:not-pdf', 'not a PDF file (no %PDF- header)');
  }
  const result = await readAs(format, bytes, opts);
  if (byExt !== null && byExt !== format && !(byExt === 'md' && format === 'txt')) {
    result.diagnostics.unshift(warning('input:wrong-extension', `file named ${byExt} but its content is ${format}; read as ${format}`));
  }
  return result;
}

async function readAs(format: SourceFormat, bytes: Uint8Array, opts: ReadOptions): Promise<Result<SourceDoc>> {
  switch (format) {
    case 'pdf': {
      const { readPdf } = await import('./pdf/read-pdf.js');
      return readPdf(bytes, { maxPages: opts.maxPages, ocr: opts.ocr, onProgress: opts.onProgress });
    }
    case 'docx': {
      const { readDocx } = await import('./docx/read-docx.js');
      return readDocx(bytes);
    }
    default:
      return readText(bytes, format);
  }
}
