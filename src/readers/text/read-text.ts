/**
 * Text reader: .txt and .md reports → SourceDoc of line blocks.
 *
 * Facts only: each non-blank physical line becomes a LineBlock with its 1-based line number,
 * the blank lines before it (gapBefore), tab-separated cells, and markup-derived facts.
 * Deciding what is a heading or a table is the detectors' job.
 */
import { lineBlock, type LineBlock, type SourceDoc } from '../../model/source-doc.js';
import { ok, type Result } from '../../model/result.js';
import { warning, type Diagnostic } from '../../model/diagnostic.js';
import { decodeText } from './decode.js';
import { unmark } from './markup.js';

/** Lines longer than this are still read, but flagged: usually a binary or minified file. */
const LONG_LINE_CHARS = 100_000;

export function readText(bytes: Uint8Array, format: 'txt' | 'md' = 'txt'): Result<SourceDoc> {
  const { text, encoding } = decodeText(bytes);
  const diagnostics: Diagnostic[] = [];
  if (encoding === 'windows-1252') {
    diagnostics.push(warning('text:legacy-encoding', 'file is not valid UTF-8; decoded as Windows-1252'));
  }
  const physical = text.split(/\r\n|\n|\r/);
  const blocks: LineBlock[] = [];
  let gap = 0;
  physical.forEach((raw, i) => {
    const lineNo = i + 1;
    if (raw.length > LONG_LINE_CHARS) {
      diagnostics.push(warning('text:long-line', `line ${lineNo} has ${raw.length} characters`, { line: lineNo }));
    }
    const cleaned = raw.replace(/\u0000/g, '').replace(/\u00ad/g, '');
    if (cleaned.trim() === '') {
      gap++;
      return;
    }
    blocks.push(readLine(cleaned, lineNo, gap));
    gap = 0;
  });
  return ok(
    { format, pageCount: null, pages: [], ocr: false, metaTitle: null, blocks },
    diagnostics,
  );
}

function readLine(raw: string, lineNo: number, gapBefore: number): LineBlock {
  if (raw.includes('\t')) {
    const parts = raw.split('\t').map(unmark);
    const filled = parts.filter((p) => p.text.trim() !== '');
    return lineBlock({
      text: parts.map((p) => p.text).join('\t'),
      cells: parts.map((p) => p.text.trim()),
      line: lineNo,
      gapBefore,
      bold: filled.length > 0 && filled.every((p) => p.bold),
      footnotes: parts.flatMap((p) => p.footnotes),
    });
  }
  const u = unmark(raw);
  return lineBlock({
    text: u.text.trim(),
    line: lineNo,
    gapBefore,
    bold: u.bold,
    declaredLevel: u.declaredLevel,
    footnotes: u.footnotes,
  });
}
