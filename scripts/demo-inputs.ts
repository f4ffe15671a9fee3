/**
 * The files `npm run demo` imports: every report under fixtures/, without the notes and READMEs
 * that document the fixtures, the hostile and flattened inputs, and the scanned PDFs (their OCR
 * takes minutes). The README cookbook is tested against a database of exactly these files.
 */
import { collectFiles } from '../src/cli/collect.js';

export async function demoInputs(root = 'fixtures'): Promise<string[]> {
  const { files } = await collectFiles([root]);
  return files
    .filter((f) => !/\/(bad|flat)\//.test(f) && !f.endsWith('.md') && !f.endsWith('-scanned.pdf'))
    .sort();
}
