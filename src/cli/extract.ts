/**
 * `kommunrapport extract FILE [--format json|md] [--max-pages N]`: the canonical document on
 * stdout and nothing else; warnings on stderr. Exit 2 with one line when the input is unreadable.
 */
import { extractFile, withWarnings } from '../pipeline/extract.js';
import { renderMarkdown } from './render-md.js';
import { parseCommand } from './command.js';
import { failureLine, type CommandIo } from './io.js';

export const EXTRACT_USAGE = `Usage: kommunrapport extract FILE [--format json|md] [--max-pages N] [--no-ocr] [--quiet]

Reads one .txt, .md, .pdf or .docx report and prints its canonical document.
  --format json   the canonical JSON (default)
  --format md     a readable Markdown rendering (sections, tables, records)
  --max-pages N   read at most N pages of a PDF
  --no-ocr        do not OCR PDF pages without a text layer (they are reported instead)
  --quiet         do not print warnings on stderr
`;

export async function extractCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand('extract', EXTRACT_USAGE, args, {
    format: { type: 'string', default: 'json' },
    'max-pages': { type: 'string' },
    'no-ocr': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) { io.stderr(`extract: expected one FILE\n${EXTRACT_USAGE}`); return 2; }
  if (values.format !== 'json' && values.format !== 'md') { io.stderr(`extract: unknown --format ${values.format}\n`); return 2; }
  const maxPages = values['max-pages'] !== undefined ? Number(values['max-pages']) : undefined;
  if (maxPages !== undefined && !(Number.isInteger(maxPages) && maxPages > 0)) {
    io.stderr('extract: --max-pages takes a positive whole number\n');
    return 2;
  }
  try {
    const result = await extractFile(positionals[0], { maxPages, ocr: !values['no-ocr'] });
    const doc = withWarnings(result);
    if (!values.quiet) {
      for (const w of doc.warnings) io.stderr(`warning ${w.code}${w.page ? ` p${w.page}` : ''}${w.line ? ` l${w.line}` : ''}: ${w.message}\n`);
    }
    io.stdout(values.format === 'md' ? renderMarkdown(doc) : `${JSON.stringify(doc, null, 2)}\n`);
    return 0;
  } catch (e) {
    io.stderr(`extract: ${failureLine(positionals[0], e)}\n`);
    return 2;
  }
}
